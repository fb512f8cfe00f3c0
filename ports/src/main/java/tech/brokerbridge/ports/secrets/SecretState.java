package tech.brokerbridge.ports.secrets;

import java.util.Locale;

/** State of a stored secret. */
public enum SecretState {
    SAVED,
    /** Stored, but encrypted on another machine (another fingerprint): it must be entered again. */
    UNDECRYPTABLE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
