package tech.brokerbridge.keyring.internal;

import java.security.GeneralSecurityException;

/**
 * A Fernet token was rejected. The message names the reason only, never the token or the key.
 * A wrong key and a tampered token are indistinguishable by design: both fail the HMAC.
 */
public final class InvalidTokenException extends GeneralSecurityException {
    private static final long serialVersionUID = 1L;

    /** Why a token was rejected. */
    public enum Reason {
        /** Not base64url, too short, wrong version byte, or a ciphertext that is not whole blocks. */
        MALFORMED,
        /** The HMAC does not match: tampered, or made with another key. */
        BAD_SIGNATURE,
        /** The signature matched but the plaintext padding did not. */
        BAD_PADDING,
        /** Older than the allowed time to live. */
        EXPIRED,
        /** Stamped too far in the future (more than the allowed clock skew). */
        FROM_THE_FUTURE
    }

    private final Reason reason;

    public InvalidTokenException(Reason reason) {
        super("invalid Fernet token: " + reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
