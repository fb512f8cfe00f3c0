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
import tech.brokerbridge.ports.market.MarketData;
import tech.brokerbridge.ports.market.MarketDataException;

/**
 * Daily historical bars through reqHistoricalData (TRADES, regular trading hours, {@code 1 day}),
 * paced by {@link HistoricalPacing}. A bar's time is the start of its trading date in UTC. Blocks
 * at most the request timeout (plus the wait for the session); thread-safe.
 */
public final class IbkrMarketData implements MarketData {
    private static final Logger LOG = LoggerFactory.getLogger(IbkrMarketData.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private final GatewayLink link;
    private final Requests requests;
    private final ClientSettings cfg;
    private final HistoricalPacing pacing;

    /** Built by {@link IbkrClient}, which owns the session and the collaborators passed here. */
    IbkrMarketData(GatewayLink link, Requests requests, ClientSettings settings) {
        this.link = link;
        this.requests = requests;
        this.cfg = settings;
        this.pacing = new HistoricalPacing(settings.ticker(), settings.sleeper());
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
            if (e.reason() == GatewayException.Reason.UNKNOWN_CONTRACT) {
                throw new MarketDataException("unknown symbol: " + symbol + " (" + e.getMessage() + ")", false, true, e);
            }
            throw e.toMarketData();
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
