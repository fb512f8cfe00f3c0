package tech.brokerbridge.ibkr.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import tech.brokerbridge.ibkr.internal.error.GatewayException;
import tech.brokerbridge.ibkr.internal.msg.Contract;
import tech.brokerbridge.ibkr.internal.msg.Inbound;
import tech.brokerbridge.ibkr.internal.msg.Outbound;
import tech.brokerbridge.ports.market.Quote;

/**
 * The last price of a stock, by a market data snapshot (reqMktData with snapshot): first live data
 * (market data type 1); when IB answers that live data is not permitted (354, 162 "no market data
 * permissions", 10089), delayed data (type 3), then delayed-frozen (type 4, the last delayed price of
 * a closed market). The price is the last trade, or the close when there was none; its freshness is
 * the data type IB says it delivered ({@code marketDataType}), so delayed prices are labelled so.
 * Delayed data not enabled either (10168) fails with that reason. A symbol once found to need delayed
 * data starts there next time. One request at a time (the data type is the session's). Blocks at most
 * the request timeout per attempt.
 */
final class QuoteRequests {
    private static final int LIVE = 1;
    private static final int DELAYED = 3;
    private static final int DELAYED_FROZEN = 4;
    private static final int LAST = 4;
    private static final int CLOSE = 9;
    private static final int DELAYED_LAST = 68;
    private static final int DELAYED_CLOSE = 75;
    private final GatewayLink link;
    private final Requests requests;
    private final ClientSettings cfg;
    private final Map<String, Integer> startAt = new ConcurrentHashMap<>();

    QuoteRequests(GatewayLink link, Requests requests, ClientSettings cfg) {
        this.link = link;
        this.requests = requests;
        this.cfg = cfg;
    }

    synchronized Quote quote(String symbol, Contract contract) {
        GatewayException refusedLive = null;
        for (int type : List.of(LIVE, DELAYED, DELAYED_FROZEN)) {
            if (type < startAt.getOrDefault(symbol, LIVE)) {
                continue;
            }
            try {
                Optional<Quote> q = snapshot(symbol, contract, type);
                if (q.isPresent()) {
                    startAt.put(symbol, type == LIVE ? LIVE : DELAYED);
                    return q.get();
                }
            } catch (GatewayException e) {
                boolean liveRefused = e.reason() == GatewayException.Reason.NO_MARKET_DATA_PERMISSION
                        || e.reason() == GatewayException.Reason.DELAYED_DATA_AVAILABLE;
                if (type == LIVE && liveRefused) {
                    refusedLive = e;
                    continue;
                }
                if (e.reason() == GatewayException.Reason.DELAYED_DATA_NOT_ENABLED && refusedLive != null) {
                    throw new GatewayException(e.reason(), "live data for " + symbol + " is not permitted ("
                            + refusedLive.getMessage() + ") and delayed data is not enabled either (" + e.getMessage()
                            + ")");
                }
                throw e;
            }
        }
        throw new GatewayException(GatewayException.Reason.REFUSED, "IB sent no price for " + symbol
                + " (live, delayed or delayed-frozen)");
    }

    /** One snapshot of {@code type} data: the price, or empty when IB had none. */
    private Optional<Quote> snapshot(String symbol, Contract contract, int type) {
        link.awaitReady(cfg.requestTimeout());
        int tickerId = requests.newId();
        CompletableFuture<Optional<Quote>> f = requests.register(tickerId, new Requests.Collector<Optional<Quote>>() {
            private int delivered = type;
            private double last = Double.NaN;
            private double close = Double.NaN;
            private boolean delayedTicks;

            @Override
            protected boolean accept(Inbound m) {
                if (m instanceof Inbound.MarketDataType t) {
                    delivered = t.type();
                } else if (m instanceof Inbound.TickPrice p && p.price() > 0 && Double.isFinite(p.price())) {
                    switch (p.field()) {
                        case LAST, DELAYED_LAST -> last = p.price();
                        case CLOSE, DELAYED_CLOSE -> close = p.price();
                        default -> { }
                    }
                    delayedTicks |= p.field() == DELAYED_LAST || p.field() == DELAYED_CLOSE;
                } else if (m instanceof Inbound.TickSnapshotEnd) {
                    double price = Double.isNaN(last) ? close : last;
                    complete(Double.isNaN(price) ? Optional.empty() : Optional.of(new Quote(symbol, price,
                            freshness(delayedTicks && delivered < DELAYED ? DELAYED : delivered),
                            cfg.clock().instant())));
                    return true;
                }
                return false;
            }
        });
        try {
            link.sendAll(List.of(new Outbound.ReqMarketDataType(type), new Outbound.ReqMktData(tickerId, contract, "",
                    true)));
            return Requests.await(f, cfg.requestTimeout(), "a price for " + symbol);
        } finally {
            requests.remove(tickerId);
        }
    }

    private static Quote.Freshness freshness(int type) {
        return switch (type) {
            case 2 -> Quote.Freshness.FROZEN;
            case DELAYED -> Quote.Freshness.DELAYED;
            case DELAYED_FROZEN -> Quote.Freshness.DELAYED_FROZEN;
            default -> Quote.Freshness.REALTIME;
        };
    }
}
