package tech.brokerbridge.ports.setup;

import tech.brokerbridge.ports.Require;
import tech.brokerbridge.ports.WireName;

/**
 * What a provider said about a credential that was tested without being saved.
 *
 * @param message a short sentence for the user; never contains the credential
 */
public record CredentialTest(Result result, String message) {
    public CredentialTest {
        Require.nonNull("result", result, "message", message);
    }

    /** The outcome. Wire names: {@code ok}, {@code unauthorized}, {@code unreachable}, {@code not_available}. */
    public enum Result implements WireName {
        /** The provider accepted the credential. */
        OK,
        /** The provider refused it (or it is empty). */
        UNAUTHORIZED,
        /** The provider could not be reached or gave another answer; trying later may help. */
        UNREACHABLE,
        /** This build cannot test that provider's credential; nothing was asked. */
        NOT_AVAILABLE;
    }
}
