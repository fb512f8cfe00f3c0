package tech.brokerbridge.ports;

import java.util.Locale;

/**
 * An enum of the ports whose stable wire name (in JSON, the journal, the API's parameters) is its
 * constant's name in lower case: {@code MODIFY_STOP} is {@code modify_stop}. The rule is written
 * here once, both ways.
 *
 * <p>Stateless; thread-safe.
 */
public interface WireName {
    /** The constant's name, as {@link Enum#name()} gives it. */
    String name();

    /** The wire name: {@link #name()} in lower case ({@link Locale#ROOT}). */
    default String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The constant of {@code type} whose wire name is {@code wire} (upper case is accepted too).
     *
     * @throws IllegalArgumentException when {@code type} has no such constant, as {@link Enum#valueOf} does
     * @throws NullPointerException when {@code wire} is {@code null}
     */
    static <E extends Enum<E>> E fromWire(Class<E> type, String wire) {
        return Enum.valueOf(type, wire.toUpperCase(Locale.ROOT));
    }
}
