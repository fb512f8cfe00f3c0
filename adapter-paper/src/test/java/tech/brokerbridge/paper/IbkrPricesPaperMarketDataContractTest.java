package tech.brokerbridge.paper;

import java.time.Instant;
import tech.brokerbridge.ports.fakes.FakeMarketData;
import tech.brokerbridge.ports.market.MarketData;

/** The MarketData contract on real prices passed through (the ports' fake standing for IB Gateway's). */
class IbkrPricesPaperMarketDataContractTest extends PaperMarketDataContractTest {
    @Override
    protected MarketData newMarketData() {
        FakeMarketData ib = new FakeMarketData().putSeries("MSFT", 300, 300, Instant.parse("2026-03-18T00:00:00Z"));
        return PaperFactory.create(PaperConfig.defaults().withIbkrPrices(), PaperBrokerContractTest.CLOCK, ib)
                .marketData();
    }

    @Override
    protected String unknownSymbol() {
        return "ZZZZ";
    }
}
