package tech.brokerbridge.ports.config;

import java.util.Objects;

/**
 * The outcome of reading one setting's value: the typed value, or why it is not acceptable.
 *
 * @param <T> the setting's value type
 */
public sealed interface Parsed<T> {
    /** An acceptable value. */
    record Value<T>(T value) implements Parsed<T> {
        public Value {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * Not acceptable.
     *
     * @param message what is wrong and what is accepted, as a predicate ("must be between 1 and 100");
     *     it never repeats the value
     */
    record Problem<T>(String message) implements Parsed<T> {
        public Problem {
            Objects.requireNonNull(message, "message");
        }
    }
}
