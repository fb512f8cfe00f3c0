package tech.brokerbridge.ports;

import java.util.Arrays;
import java.util.Objects;

/**
 * A secret value (an API key, a password, a license key). Its {@link #toString()} is masked so that
 * no log line, exception message or debugger print can show it; read it only with {@link #reveal()}
 * at the point where it is needed (an HTTP header, an encryption call).
 *
 * <p>Immutable and thread-safe. Equality compares the values in constant time.
 */
public final class Secret {
    private static final String MASK = "Secret[****]";
    private final char[] value;

    private Secret(char[] value) {
        this.value = value;
    }

    /** Wraps a value. Empty values are allowed (they are simply absent credentials). */
    public static Secret of(String value) {
        Objects.requireNonNull(value, "value");
        return new Secret(value.toCharArray());
    }

    /** Wraps a copy of the given characters. */
    public static Secret of(char[] value) {
        Objects.requireNonNull(value, "value");
        return new Secret(value.clone());
    }

    /** The plain value. Call it only where the value must leave this type. */
    public String reveal() {
        return new String(value);
    }

    /** Number of characters; safe to show. */
    public int length() {
        return value.length;
    }

    public boolean isEmpty() {
        return value.length == 0;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Secret other)) {
            return false;
        }
        if (other.value.length != value.length) {
            return false;
        }
        int diff = 0;
        for (int i = 0; i < value.length; i++) {
            diff |= value[i] ^ other.value[i];
        }
        return diff == 0;
    }

    @Override
    public int hashCode() {
        // deliberately weak: a hash must not leak the value
        return value.length;
    }

    @Override
    public String toString() {
        return MASK;
    }

    /** Overwrites the held characters; the instance reads as empty characters afterwards. */
    public void wipe() {
        Arrays.fill(value, '\0');
    }
}
