package tech.brokerbridge.paper.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import tech.brokerbridge.paper.PaperConfig;
import tech.brokerbridge.paper.PaperMarket;
import tech.brokerbridge.ports.broker.Broker;
import tech.brokerbridge.ports.market.MarketData;

/** The paper market handle: one exchange, seen as a broker and as market data. */
public final class SimulatedMarket implements PaperMarket {
    private final PaperExchange exchange;
    private final PaperBroker broker;
    private final PaperMarketData marketData;

    public SimulatedMarket(PaperConfig config, Clock clock) {
        PriceModel model = new PriceModel(config.seed(), new TradingCalendar());
        this.exchange = new PaperExchange(clock, model, config.currency(), config.startingCash());
        this.broker = new PaperBroker(exchange);
        this.marketData = new PaperMarketData(exchange);
    }

    @Override
    public Broker broker() {
        return broker;
    }

    @Override
    public MarketData marketData() {
        return marketData;
    }

    @Override
    public void tick() {
        exchange.catchUp();
    }

    @Override
    public void advance(Duration step) {
        exchange.advance(step);
    }

    @Override
    public Instant now() {
        return exchange.now();
    }

    /** The exchange itself, for tests and demos that set prices ({@link PaperExchange#forcePrice}). */
    public PaperExchange exchange() {
        return exchange;
    }

    @Override
    public void close() {
        exchange.close();
    }
}
