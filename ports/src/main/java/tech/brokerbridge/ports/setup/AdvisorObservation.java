package tech.brokerbridge.ports.setup;

import java.util.Optional;
import tech.brokerbridge.ports.Require;
import tech.brokerbridge.ports.advisor.AdvisorException;

/**
 * The running advisor's connectivity, as its last call showed it.
 *
 * @param provider the provider it calls ({@code offline} for the rules advisor)
 * @param connected the last call succeeded (the offline advisor always is)
 * @param message a short sentence, never a secret
 * @param failure why the last call failed, if it did
 */
public record AdvisorObservation(String provider, boolean connected, String message,
        Optional<AdvisorException.Kind> failure) {
    public AdvisorObservation {
        Require.nonNull("provider", provider, "message", message, "failure", failure);
    }
}
