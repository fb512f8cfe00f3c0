package tech.brokerbridge.paper.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import tech.brokerbridge.paper.PaperConfig;
import tech.brokerbridge.paper.PaperConfig.MarketDataChoice;
import tech.brokerbridge.paper.PaperMarket;
import tech.brokerbridge.ports.broker.Broker;
import tech.brokerbridge.ports.market.MarketData;

/**
 * The paper market handle: one exchange, seen as a broker and as market data, on the price feed the
 * configuration chooses (simulated, a CSV folder, or real prices from another market data source).
 */
public final class SimulatedMarket implements PaperMarket {
    private final PaperExchange exchange;
    private final PaperBroker broker;
    private final PaperMarketData marketData;

    /** Opens the market on simulated or CSV prices; with a state directory, loads (or creates) and locks the account file there. */
    public SimulatedMarket(PaperConfig config, Clock clock) {
        this(config, clock, Optional.empty());
    }

    /**
     * Opens the market; {@code realPrices} is the source for {@link MarketDataChoice#IBKR}.
     *
     * @throws IllegalArgumentException when the configuration asks for real prices and none are given
     */
    public SimulatedMarket(PaperConfig config, Clock clock, Optional<MarketData> realPrices) {
        this(config, clock, realPrices, AccountFile.LOG_CAPACITY);
    }

    /** As above, with an account log of {@code logCapacity} bytes: small in tests, so that saves compact. */
    SimulatedMarket(PaperConfig config, Clock clock, Optional<MarketData> realPrices, int logCapacity) {
        this(config, clock, realPrices, logCapacity, f -> { });
    }

    /** As above, handing the account file, when there is one, to {@code opened} first (tests watch it). */
    SimulatedMarket(PaperConfig config, Clock clock, Optional<MarketData> realPrices, int logCapacity,
            java.util.function.Consumer<AccountFile> opened) {
        TradingCalendar calendar = new TradingCalendar();
        PriceFeed feed = switch (config.marketData()) {
            case SIMULATED -> new PriceModel(config.seed(), calendar);
            case CSV -> new CsvFeed(config.csvFolder().orElseThrow(), calendar);
            case IBKR -> new ExternalFeed(realPrices.orElseThrow(() -> new IllegalArgumentException(
                    "paper.market_data=ibkr needs IB Gateway's market data: PaperFactory.create(config, clock,"
                            + " marketData)")));
        };
        Optional<AccountFile> file = config.stateDirectory().map(d -> AccountFile.open(d, logCapacity));
        file.ifPresent(opened);
        boolean made = false;
        try {
            this.exchange = new PaperExchange(clock, feed, calendar, config.seed(), config.currency(),
                    config.startingCash(), new PaperCommissions(config.commissionPerShare(), config.commissionMinimum()),
                    file);
            made = true;
        } finally {
            if (!made) {
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

    /** The symbols the simulation lists, in alphabetical order. */
    public static java.util.List<String> simulatedSymbols() {
        return SimulatedSymbols.all();
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
