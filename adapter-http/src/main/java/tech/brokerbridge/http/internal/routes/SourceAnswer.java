package tech.brokerbridge.http.internal.routes;

import tech.brokerbridge.ports.market.PriceSource;

/** Where prices come from: {@code simulated}, {@code ibkr}, {@code csv}, ...; {@code simulated} says they are made up. */
record SourceAnswer(String source, boolean simulated, String description) {
    static SourceAnswer of(PriceSource s) {
        return new SourceAnswer(s.name(), s.simulated(), s.description());
    }
}
