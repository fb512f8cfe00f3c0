package tech.brokerbridge.ports.market;

import tech.brokerbridge.ports.Require;

/**
 * Where a {@link MarketData}'s prices come from, for the user to see: {@code GET /api/health}, every
 * scan answer and every proposal name it.
 *
 * @param name short name: {@code simulated}, {@code ibkr}, {@code csv} or an embedder's own
 * @param simulated true when the prices are made up (a simulation), never real quotes
 * @param description one line for a person, e.g. {@code simulated prices (not real quotes)}
 */
public record PriceSource(String name, boolean simulated, String description) {
    public PriceSource {
        Require.nonNull("name", name, "description", description);
        if (name.isBlank()) {
            throw new IllegalArgumentException("blank source name");
        }
    }
}
