package tech.brokerbridge.core.internal.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ports.desk.Health;
import tech.brokerbridge.ports.market.MarketDataException;
import tech.brokerbridge.ports.market.PriceSource;
import tech.brokerbridge.ports.market.Quote;

/** The status health shows is kept between calls and made again after every change. */
class MarketDataHealthTest {
    static final PriceSource SIM = new PriceSource("simulated", true, "simulated prices");
    static final PriceSource IB = new PriceSource("ib", false, "IB Gateway");
    final MarketDataHealth health = new MarketDataHealth();

    static Quote quote(String symbol, Quote.Freshness f) {
        return new Quote(symbol, 10.0, f, Instant.EPOCH);
    }

    @Test
    void statusFollowsEveryChange() {
        Health.MarketDataStatus empty = health.status(SIM);
        assertEquals(List.of(), empty.delayed());
        assertSame(empty, health.status(SIM), "nothing changed: the same status");
        assertEquals(IB, health.status(IB).source(), "another source is a new status");

        health.quoted(quote("NVDA", Quote.Freshness.DELAYED));
        assertEquals(List.of("NVDA"), health.status(IB).delayed());
        health.failed("AAPL", new MarketDataException("no permission", false, false, null));
        Health.MarketDataStatus s = health.status(IB);
        assertEquals(1, s.problems().size());
        assertSame(s, health.status(IB));
        health.read("AAPL");
        assertEquals(List.of(), health.status(IB).problems());
        health.quoted(quote("NVDA", Quote.Freshness.REALTIME));
        assertEquals(List.of(), health.status(IB).delayed());
        health.read("MSFT");   // no change: the kept status stays
        Health.MarketDataStatus quiet = health.status(IB);
        health.quoted(quote("MSFT", Quote.Freshness.REALTIME));
        assertSame(quiet, health.status(IB));
    }
}
