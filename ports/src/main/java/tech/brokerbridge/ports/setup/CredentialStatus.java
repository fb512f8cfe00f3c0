package tech.brokerbridge.ports.setup;

import tech.brokerbridge.ports.Require;
import tech.brokerbridge.ports.WireName;

/**
 * A provider's credential state.
 *
 * @param message a short sentence for the user (e.g. {@code unauthorized}, or "encrypted on another
 *     machine — enter them again"); never contains the credential
 */
public record CredentialStatus(State state, String message) {
    public CredentialStatus {
        Require.nonNull("state", state, "message", message);
    }

    /** Wire names: {@code missing}, {@code saved}, {@code connected}, {@code error}, {@code undecryptable}. */
    public enum State implements WireName {
        /** Nothing saved (or, for {@code ibkr}, the IB broker is not configured). */
        MISSING,
        /** Saved; not (yet) known to work. */
        SAVED,
        /** Saved and the provider's last call with it succeeded. */
        CONNECTED,
        /** The provider's last call with it failed, e.g. {@code unauthorized}. */
        ERROR,
        /** Saved on another machine (another fingerprint): it must be entered again. */
        UNDECRYPTABLE;
    }
}
