package tech.brokerbridge.ai;

import java.util.Locale;
import java.util.Objects;

/**
 * What a provider said about an API key (see {@link AdvisorFactory#testCredential}).
 *
 * @param result ok, unauthorized or unreachable
 * @param message a short human sentence; never contains the key
 */
public record CredentialCheck(Result result, String message) {
    public CredentialCheck {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(message, "message");
    }

    /** The outcome of a credential test. Wire names: {@code ok}, {@code unauthorized}, {@code unreachable}. */
    public enum Result {
        OK, UNAUTHORIZED, UNREACHABLE;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
