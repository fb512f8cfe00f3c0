package tech.brokerbridge.ibkr.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.ibkr.internal.error.GatewayException;
import tech.brokerbridge.ibkr.internal.market.Durations;
import tech.brokerbridge.ibkr.internal.market.HistoricalPacing;
import tech.brokerbridge.ibkr.internal.msg.Contract;
import tech.brokerbridge.ibkr.internal.msg.Inbound;
import tech.brokerbridge.ibkr.internal.msg.Outbound;
import tech.brokerbridge.ports.market.Bar;
import tech.brokerbridge.ports.market.BarRequest;
import tech.brokerbridge.ports.market.BarSize;
import tech.brokerbridge.ports.market.Instrument;
import tech.brokerbridge.ports.market.MarketData;
import tech.brokerbridge.ports.market.MarketDataException;
import tech.brokerbridge.ports.market.PriceSource;
import tech.brokerbridge.ports.market.Quote;

/**
 * Daily historical bars through reqHistoricalData (TRADES, regular trading hours, {@code 1 day}),
 * paced by {@link HistoricalPacing}; quotes by snapshot with the delayed-data fallback
 * ({@link QuoteRequests}); tick and session from the contract details ({@link ContractCatalog}). A
 * bar's time is the start of its trading date in UTC. IB's data errors come out as the port's
 * problems with what to do: no market data permission (162, 354), delayed data not subscribed (10089,
 * 10167, 10168), unknown contract (200), pacing violation (162). Blocks at most the request timeout
 * (plus the wait for the session); thread-safe.
 */
public final class IbkrMarketData implements MarketData {
    private static final Logger LOG = LoggerFactory.getLogger(IbkrMarketData.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private final GatewayLink link;
    private final Requests requests;
    private final ClientSettings cfg;
    private static final PriceSource SOURCE = new PriceSource("ibkr", false,
            "IB Gateway market data (live, or delayed where live data is not permitted, said so)");
    private final HistoricalPacing pacing;
    private final ContractCatalog contracts;
    private final QuoteRequests quotes;

    /** Built by {@link IbkrClient}, which owns the session and the collaborators passed here. */
    IbkrMarketData(GatewayLink link, Requests requests, ClientSettings settings, ContractCatalog contracts) {
        this.link = link;
        this.requests = requests;
        this.cfg = settings;
        this.pacing = new HistoricalPacing(settings.ticker(), settings.sleeper());
        this.contracts = contracts;
        this.quotes = new QuoteRequests(link, requests, settings);
    }

    @Override
    public Quote quote(String symbol) {
        String s = symbol.trim().toUpperCase(java.util.Locale.ROOT);
        try {
            return quotes.quote(s, contracts.contract(s));
        } catch (GatewayException e) {
            throw explained(s, e);
        }
    }

    @Override
    public Instrument instrument(String symbol) {
        String s = symbol.trim().toUpperCase(java.util.Locale.ROOT);
        try {
            double tick = contracts.details(s).minTick();
            return new Instrument(s, tick > 0 && Double.isFinite(tick) ? tick : 0.01, contracts.session(s));
        } catch (GatewayException e) {
            throw explained(s, e);
        }
    }

    @Override
    public PriceSource source() {
        return SOURCE;
    }

    /** The port's exception, with what the user can do about IB's data errors. */
    static MarketDataException explained(String symbol, GatewayException e) {
        String why = switch (e.reason()) {
            case UNKNOWN_CONTRACT -> "unknown symbol: IB knows no stock " + symbol + " (" + e.getMessage() + ")";
            case NO_MARKET_DATA_PERMISSION -> "no market data permission for " + symbol + " (" + e.getMessage()
                    + "): subscribe to its exchange's data in IB Account Management (Settings, Market Data"
                    + " Subscriptions), or enable delayed data";
            case DELAYED_DATA_AVAILABLE, DELAYED_DATA_NOT_ENABLED -> "delayed data not subscribed for " + symbol
                    + " (" + e.getMessage() + "): subscribe to its market data at IB, or enable delayed data in IB"
                    + " Gateway (Configure, Settings, API, Settings)";
            case PACING -> "pacing violation for " + symbol + ": IB asks to slow down; it is asked again next scan ("
                    + e.getMessage() + ")";
            default -> e.getMessage();
        };
        return new GatewayException(e.reason(), why).toMarketData();
    }

    @Override
    public List<Bar> bars(BarRequest request) {
        if (request.barSize() != BarSize.ONE_DAY) {
            throw new IllegalArgumentException("unsupported bar size " + request.barSize());
        }
        String duration = Durations.of(request.lookback());
        String symbol = request.symbol().trim().toUpperCase(java.util.Locale.ROOT);
        String key = symbol + "|" + duration + "|1 day|TRADES";
        var cached = pacing.recent(key);
        if (cached.isPresent()) {
            return cached.get();
        }
        try {
            link.awaitReady(cfg.requestTimeout());
            pacing.acquire(symbol + "|" + cfg.exchange() + "|TRADES", cfg.requestTimeout());
            List<Bar> bars;
            try {
                bars = fetch(symbol, duration, request);
            } finally {
                pacing.release();
            }
            pacing.remember(key, bars);
            return bars;
        } catch (GatewayException e) {
            throw explained(symbol, e);
        }
    }

    private List<Bar> fetch(String symbol, String duration, BarRequest request) {
        int reqId = requests.newId();
        CompletableFuture<Inbound.HistoricalData> f = requests.register(reqId,
                new Requests.Collector<Inbound.HistoricalData>() {
                    @Override
                    protected boolean accept(Inbound m) {
                        if (m instanceof Inbound.HistoricalData h) {
                            complete(h);
                            return true;
                        }
                        return false;
                    }
                });
        Contract contract = Contract.stock(symbol, cfg.exchange(), cfg.currency());
        link.send(new Outbound.ReqHistoricalData(reqId, contract, "", "1 day", duration, true, "TRADES", 1, false));
        Inbound.HistoricalData data;
        try {
            data = Requests.await(f, cfg.requestTimeout(), "historical bars for " + symbol);
        } catch (GatewayException e) {
            requests.remove(reqId);
            if (e.reason() == GatewayException.Reason.TIMEOUT) {
                try {
                    link.send(new Outbound.CancelHistoricalData(reqId));
                } catch (GatewayException ignored) {
                    LOG.debug("could not cancel historical request {}", reqId);
                }
            }
            throw e;
        }
        LocalDate from = LocalDate.now(cfg.clock().withZone(ZoneOffset.UTC)).minus(request.lookback());
        List<Bar> bars = new ArrayList<>(data.bars().size());
        int skipped = 0;
        for (Inbound.HistoricalBar b : data.bars()) {
            try {
                LocalDate day = LocalDate.parse(b.date().trim().substring(0, 8), DAY);
                if (day.isBefore(from)) {
                    continue;
                }
                long volume = b.volume() == Double.MAX_VALUE || b.volume() < 0 ? 0 : Math.round(b.volume());
                bars.add(new Bar(day.atStartOfDay(ZoneOffset.UTC).toInstant(), b.open(), b.high(), b.low(),
                        b.close(), volume));
            } catch (DateTimeParseException | IndexOutOfBoundsException | IllegalArgumentException e) {
                skipped++;
            }
        }
        if (skipped > 0) {
            LOG.warn("skipped {} malformed bars for {}", skipped, symbol);
        }
        return List.copyOf(bars);
    }
}
