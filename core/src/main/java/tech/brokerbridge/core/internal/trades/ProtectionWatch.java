package tech.brokerbridge.core.internal.trades;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.core.internal.proposals.ProposalLocks;
import tech.brokerbridge.ports.broker.Broker;
import tech.brokerbridge.ports.broker.BrokerException;
import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.broker.OrderView;
import tech.brokerbridge.ports.broker.Position;
import tech.brokerbridge.ports.desk.PositionView;
import tech.brokerbridge.ports.desk.PositionView.Protection;
import tech.brokerbridge.ports.journal.OpenTrade;
import tech.brokerbridge.ports.journal.OrderLog;
import tech.brokerbridge.ports.journal.OrderRecord;
import tech.brokerbridge.ports.journal.TradeLog;

/**
 * Finds unprotected positions: at start-up, on every upkeep round, and soon after any event that can
 * take a stop away (a leg cancelled or rejected). It reads the broker's positions and open orders (so
 * it sees positions and stops from anywhere, the IB app included), keeps the warnings health shows,
 * moves the desk's bracket of such a position to {@code UNPROTECTED} (and back once a stop covers it
 * again), and publishes the change ({@code position.protection}, an unprotected one also as an
 * {@code unprotected_position} warning that says how the stop was lost when a broker event told). It
 * never places a stop itself: re-arming is the user's action. A symbol found unprotected is looked at
 * again under its lock before it is reported, so an action in progress on it (a close cutting its stop)
 * is not mistaken for a loss. The broker's positions and open orders decide, never an event alone.
 */
public final class ProtectionWatch {
    private static final Logger LOG = LoggerFactory.getLogger(ProtectionWatch.class);
    private final Broker broker;
    private final OrderLog orders;
    private final TradeLog trades;
    private final ProposalLocks symbolLocks;
    private final ProposalLocks tradeLocks;
    private final TradeEvents events;
    private final Clock clock;
    private final Executor executor;
    private final Map<String, Protection> last = new HashMap<>();
    /** What last took a symbol's stop away, as a broker event said; kept while the symbol is unprotected. */
    private final Map<String, String> causes = new ConcurrentHashMap<>();
    private volatile List<String> warnings = List.of();

    public ProtectionWatch(Broker broker, OrderLog orders, TradeLog trades, ProposalLocks symbolLocks,
            ProposalLocks tradeLocks, TradeEvents events, Clock clock, Executor executor) {
        this.broker = broker;
        this.orders = orders;
        this.trades = trades;
        this.symbolLocks = symbolLocks;
        this.tradeLocks = tradeLocks;
        this.events = events;
        this.clock = clock;
        this.executor = executor;
    }

    /** The warnings of the last check, for health; never blocks. */
    public List<String> warnings() {
        return warnings;
    }

    /** A check soon, off the caller's thread (after an event that may have taken a stop away). */
    public void soon() {
        try {
            executor.execute(this::checkQuietly);
        } catch (RejectedExecutionException e) {
            LOG.debug("protection check after close ignored");
        }
    }

    /**
     * A check soon, after a broker event that took a stop of {@code symbol} away for {@code cause}; the
     * warning says it if the check finds the position unprotected.
     */
    public void soon(String symbol, String cause) {
        causes.put(symbol, cause);
        soon();
    }

    /** Checks now; never throws (a broker that cannot be asked leaves the last warnings). */
    public void checkQuietly() {
        try {
            check();
        } catch (BrokerException e) {
            LOG.debug("protection check postponed: {}", e.getMessage());
        } catch (RuntimeException e) { // top-level of a timer task
            LOG.warn("protection check failed: {}", e.toString());
        }
    }

    /** The positions with their cover, as the user sees them. */
    public List<PositionView> positions() {
        List<Position> positions = broker.positions();
        List<OrderView> open = broker.openOrders();
        List<OpenTrade> desk = trades.openTrades();
        return positions.stream().filter(p -> p.quantity() != 0).map(p -> view(p, open, desk)).toList();
    }

    synchronized void check() {
        Map<String, String> known = Map.copyOf(causes); // a cause told during this check waits for the next
        List<PositionView> views = positions();
        Map<String, Protection> now = new HashMap<>();
        List<String> found = new ArrayList<>();
        for (PositionView v : views) {
            PositionView settled = v.protection() == Protection.UNPROTECTED ? recheck(v.symbol()).orElse(v) : v;
            now.put(settled.symbol(), settled.protection());
            Optional<String> warning = settled.warning(Optional.ofNullable(known.get(settled.symbol())));
            warning.ifPresent(found::add);
            if (last.get(settled.symbol()) != settled.protection()) {
                changed(settled, warning);
            }
        }
        known.forEach((symbol, cause) -> {
            if (now.get(symbol) != Protection.UNPROTECTED) {
                causes.remove(symbol, cause);
            }
        });
        for (String gone : last.keySet()) {
            if (!now.containsKey(gone) && last.get(gone) != Protection.PROTECTED) {
                events.protection(gone, Protection.PROTECTED, 0, "the position is flat");
            }
        }
        last.clear();
        last.putAll(now);
        warnings = List.copyOf(found);
    }

    /** The symbol again, under its lock, with fresh figures: empty when it is flat by now. */
    private Optional<PositionView> recheck(String symbol) {
        return symbolLocks.withLock(symbol, () -> positions().stream().filter(p -> p.symbol().equals(symbol))
                .findFirst());
    }

    private void changed(PositionView v, Optional<String> warning) {
        String message = warning.orElse(v.protection() == Protection.CLOSING
                ? v.symbol() + " is being closed" : v.symbol() + " is protected by its stop");
        if (v.protection() == Protection.UNPROTECTED) {
            LOG.warn("{}", message);
        }
        events.protection(v.symbol(), v.protection(), v.unprotectedQuantity(), message);
        v.orderRef().ifPresent(ref -> tradeLocks.withLock(ref, () -> mark(ref, v, message)));
    }

    /** The desk's bracket says unprotected while it is, and open again once covered. */
    private void mark(String ref, PositionView v, String message) {
        orders.findOrder(ref).ifPresent(r -> {
            boolean unprotected = v.protection() == Protection.UNPROTECTED;
            if (unprotected && r.state() == OrderRecord.State.ENTRY_FILLED) {
                orders.saveOrder(r.with(OrderRecord.State.UNPROTECTED, r.brokerOrderIds(), message, clock.instant()));
            } else if (!unprotected && r.state() == OrderRecord.State.UNPROTECTED) {
                orders.saveOrder(r.with(OrderRecord.State.ENTRY_FILLED, r.brokerOrderIds(), message, clock.instant()));
            }
        });
    }

    private static PositionView view(Position p, List<OrderView> open, List<OpenTrade> desk) {
        Cover cover = Cover.of(p, open);
        Optional<OpenTrade> trade = desk.stream().filter(t -> t.symbol().equals(p.symbol())).findFirst();
        List<OrderView> legs = open.stream().filter(o -> o.symbol().equals(p.symbol()) && o.leg() != OrderLeg.ENTRY)
                .toList();
        return new PositionView(p.symbol(), p.quantity(), p.averageCost(), p.marketPrice(), p.unrealizedPnl(),
                trade.map(OpenTrade::tradeId), trade.flatMap(OpenTrade::proposalId), legs, cover.protection(),
                cover.unprotected());
    }
}
