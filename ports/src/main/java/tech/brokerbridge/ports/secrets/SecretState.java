package tech.brokerbridge.ports.secrets;

import tech.brokerbridge.ports.WireName;

/** State of a stored secret. */
public enum SecretState implements WireName {
    SAVED,
    /** Stored, but encrypted on another machine (another fingerprint): it must be entered again. */
    UNDECRYPTABLE,
    /** Stored, but damaged or tampered with: this machine's key is right and the value fails its check. */
    DAMAGED;
}
