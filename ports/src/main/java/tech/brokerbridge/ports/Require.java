package tech.brokerbridge.ports;

/**
 * The null check of a record's components, written once: no {@code null} crosses a port, so every
 * record that crosses one rejects a missing component in its constructor, naming it.
 *
 * <p>Stateless and thread-safe; never blocks.
 */
public final class Require {
    private Require() {
    }

    /**
     * Checks that no value is {@code null}, given as name/value pairs in the order to check them:
     * {@code Require.nonNull("time", time, "symbol", symbol)} does what
     * {@code Objects.requireNonNull(time, "time"); Objects.requireNonNull(symbol, "symbol");} does.
     *
     * @param namesAndValues each component's name (a {@link String}) followed by its value
     * @throws NullPointerException naming the first component whose value is {@code null}, as
     *     {@link java.util.Objects#requireNonNull(Object, String)} would (the message is the name)
     * @throws IllegalArgumentException when the arguments are not name/value pairs (a programming error)
     */
    public static void nonNull(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("expected name/value pairs, got " + namesAndValues.length
                    + " arguments");
        }
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (!(namesAndValues[i] instanceof String name)) {
                throw new IllegalArgumentException("argument " + i + " must be a component's name");
            }
            if (namesAndValues[i + 1] == null) {
                throw new NullPointerException(name);
            }
        }
    }
}
