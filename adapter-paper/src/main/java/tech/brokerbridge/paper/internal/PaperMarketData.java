package tech.brokerbridge.paper.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import tech.brokerbridge.ports.market.Bar;
import tech.brokerbridge.ports.market.BarRequest;
import tech.brokerbridge.ports.market.Instrument;
import tech.brokerbridge.ports.market.MarketData;
import tech.brokerbridge.ports.market.PriceSource;
import tech.brokerbridge.ports.market.Quote;

/**
 * The {@link MarketData} port over the paper exchange's {@link PriceFeed}: daily bars up to the last
 * completed day before today (UTC, simulated now), the live price the exchange fills against as the
 * quote (the feed says how fresh it is), the feed's tick, and the exchange's session. Simulated and
 * CSV prices are computed or read from local files; a real source blocks as that source does.
 */
public final class PaperMarketData implements MarketData {
    private final PaperExchange exchange;

    public PaperMarketData(PaperExchange exchange) {
        this.exchange = exchange;
    }

    @Override
    public List<Bar> bars(BarRequest request) {
        LocalDate today = LocalDate.ofInstant(exchange.now(), ZoneOffset.UTC);
        return exchange.feed().bars(request, today);
    }

    @Override
    public Quote quote(String symbol) {
        PriceFeed feed = exchange.feed();
        feed.requireKnown(symbol);
        Instant now = exchange.now();
        return feed.quote(symbol, exchange.livePrice(symbol), now);
    }

    @Override
    public Instrument instrument(String symbol) {
        PriceFeed feed = exchange.feed();
        feed.requireKnown(symbol);
        return new Instrument(symbol, feed.tick(symbol), exchange.session());
    }

    @Override
    public PriceSource source() {
        return exchange.feed().source();
    }
}
