package tech.brokerbridge.keyring.internal;

import java.util.Locale;

/** {@code secrets.backend}: where the tokens go. */
public enum Backend {
    /** The OS keyring when one answers, otherwise the encrypted file (with a warning). */
    AUTO,
    /** The OS keyring, or fail. */
    KEYRING,
    /** {@code secrets.json} in the data directory. */
    FILE;

    /** @throws IllegalArgumentException for anything but auto, keyring or file (any case) */
    public static Backend parse(String value) {
        for (Backend backend : values()) {
            if (backend.name().equalsIgnoreCase(value.strip())) {
                return backend;
            }
        }
        throw new IllegalArgumentException("secrets.backend must be auto, keyring or file");
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
