package tech.brokerbridge.paper.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import tech.brokerbridge.paper.PaperConfig;
import tech.brokerbridge.paper.PaperMarket;
import tech.brokerbridge.ports.broker.Broker;
import tech.brokerbridge.ports.market.MarketData;

/** The paper market handle: one exchange, seen as a broker and as market data. */
public final class SimulatedMarket implements PaperMarket {
    private final PaperExchange exchange;
    private final PaperBroker broker;
    private final PaperMarketData marketData;

    /** Opens the market; with a state directory, loads (or creates) and locks the account file there. */
    public SimulatedMarket(PaperConfig config, Clock clock) {
        this(config, clock, AccountFile.LOG_CAPACITY);
    }

    /** As above, with an account log of {@code logCapacity} bytes: small in tests, so that saves compact. */
    SimulatedMarket(PaperConfig config, Clock clock, int logCapacity) {
        PriceModel model = new PriceModel(config.seed(), new TradingCalendar());
        Optional<AccountFile> file = config.stateDirectory().map(d -> AccountFile.open(d, logCapacity));
        boolean opened = false;
        try {
            this.exchange = new PaperExchange(clock, model, config.currency(), config.startingCash(), file);
            opened = true;
        } finally {
            if (!opened) {
                file.ifPresent(AccountFile::close); // a damaged or mismatched account must not stay locked
            }
        }
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
