package tech.brokerbridge.ports.advisor;

/** The setup's suggested entry, stop and target prices. */
public record SuggestedPrices(double entry, double stop, double target) {
}
