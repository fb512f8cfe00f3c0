package tech.brokerbridge.ports.fakes;

import java.time.Instant;
import tech.brokerbridge.ports.market.MarketData;
import tech.brokerbridge.ports.tck.MarketDataContract;

/** The MarketData contract, against the fake the core's tests use, with its own series helper. */
class FakeMarketDataContractTest extends MarketDataContract {
    @Override
    protected MarketData newMarketData() {
        // more than a year of weekdays, so the lookback has something to cut
        return new FakeMarketData().putSeries("AAPL", 400, 100, Instant.parse("2026-03-18T00:00:00Z"));
    }

    @Override
    protected String knownSymbol() {
        return "AAPL";
    }

    @Override
    protected String unknownSymbol() {
        return "ZZZZ";
    }
}
