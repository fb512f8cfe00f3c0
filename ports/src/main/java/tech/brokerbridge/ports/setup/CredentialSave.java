package tech.brokerbridge.ports.setup;

import java.util.Objects;
import tech.brokerbridge.ports.Require;

/** The outcome of saving a credential. Business outcomes, not exceptions. */
public sealed interface CredentialSave {
    /** Saved in the vault; the provider's state now. */
    record Saved(CredentialStatus status) implements CredentialSave {
        public Saved {
            Objects.requireNonNull(status, "status");
        }
    }

    /**
     * Nothing was saved.
     *
     * @param field the request member at fault, e.g. {@code credential} or {@code provider}
     * @param reason why, and what to do instead; never contains the credential
     */
    record Refused(String field, String reason) implements CredentialSave {
        public Refused {
            Require.nonNull("field", field, "reason", reason);
        }
    }
}
