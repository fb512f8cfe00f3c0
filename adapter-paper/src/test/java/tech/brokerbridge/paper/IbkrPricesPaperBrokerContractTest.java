package tech.brokerbridge.paper;

import java.time.Instant;
import java.util.Optional;
import tech.brokerbridge.paper.internal.SimulatedMarket;
import tech.brokerbridge.ports.fakes.FakeMarketData;
import tech.brokerbridge.ports.market.Quote;

/**
 * The Broker contract with the paper account on real prices ({@code paper.market_data=ibkr}): the
 * prices come from another market data source (here the ports' fake standing for IB Gateway's; the
 * launcher's tests run it on the fake IB Gateway), the orders are kept and filled in the paper account.
 */
class IbkrPricesPaperBrokerContractTest extends PaperBrokerContractTest {
    private final FakeMarketData ib = new FakeMarketData().putSeries("AAPL", 300, 100,
            Instant.parse("2026-03-18T00:00:00Z"));

    @Override
    SimulatedMarket open() {
        return new SimulatedMarket(PaperConfig.defaults().withIbkrPrices(), CLOCK, Optional.of(ib));
    }

    /** The source's last price moves; the paper exchange reads it again and fills what it reaches. */
    @Override
    protected void marketTradesAt(String symbol, double price) {
        ib.quote(symbol, price, Quote.Freshness.REALTIME);
        market.exchange().priceChanged(symbol);
    }
}
