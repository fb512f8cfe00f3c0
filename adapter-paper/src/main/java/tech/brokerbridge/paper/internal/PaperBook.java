package tech.brokerbridge.paper.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.paper.internal.AccountState.BracketState;
import tech.brokerbridge.paper.internal.AccountState.LegChange;
import tech.brokerbridge.paper.internal.AccountState.LoneOrderState;
import tech.brokerbridge.paper.internal.AccountState.TradeState;
import tech.brokerbridge.ports.broker.BracketOrder;
import tech.brokerbridge.ports.broker.CloseOrder;
import tech.brokerbridge.ports.broker.ModifyResult;
import tech.brokerbridge.ports.broker.OrderEvent;
import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.broker.OrderState;
import tech.brokerbridge.ports.broker.OrderView;
import tech.brokerbridge.ports.broker.PlaceResult;
import tech.brokerbridge.ports.broker.ProtectionChange;
import tech.brokerbridge.ports.broker.StopOrder;
import tech.brokerbridge.ports.market.Direction;
import tech.brokerbridge.ports.market.MarketDataException;

/**
 * The paper exchange's orders: brackets, closing orders and stand-alone stops; the matching when a
 * price trades; fills booked on the account with their commission; modifications and closes. Not
 * thread-safe: the exchange calls it under its lock, and {@link Host} gives it time, ids, the account
 * and the way out for events.
 *
 * <p>Matching: a limit fills at its limit when the price trades at or through it (a marketable one at
 * once); a stop fills at its stop, or at the price when the market gapped through it; a trailing stop
 * first follows the price ({@link tech.brokerbridge.ports.broker.TrailingStop#follow}) and then fills
 * like a stop; one bracket child filling cancels the other; a market close fills at the price now.
 * Nothing matches outside the regular session or while the price feed has no price: orders wait.
 */
final class PaperBook {
    private static final Logger LOG = LoggerFactory.getLogger(PaperBook.class);

    /** What the book needs from the exchange. */
    interface Host {
        Instant now();

        String newOrderId();

        String newExecutionId();

        PaperAccount account();

        /** An event of the current call: it goes out once the call's changes are saved. */
        void event(OrderEvent event);

        /** The price now; a {@link MarketDataException} when the feed has none. */
        double livePrice(String symbol);

        /** Whether simulated now is in the regular session (orders wait outside it, as at IB). */
        boolean inSession();
    }

    private final Host host;
    private final PaperCommissions commissions;
    private final Map<String, PaperBracket> brackets = new LinkedHashMap<>();
    private final Map<String, PaperLoneOrder> lone = new LinkedHashMap<>();
    private final Map<String, Double> charged = new LinkedHashMap<>();
    /**
     * The brackets and orders that may still be live, in the order they were placed: a superset (one
     * that is done leaves when it is next walked over). Done orders never change again, so matching,
     * the open orders and the margin walk these only, not every bracket the account ever held.
     */
    private final Map<String, PaperBracket> live = new LinkedHashMap<>();
    private final Map<String, PaperLoneOrder> liveLone = new LinkedHashMap<>();
    /** What the last save kept and what changed since (for a saved account). */
    private final BookCapture saves;

    PaperBook(Host host, PaperCommissions commissions, boolean saved) {
        this.host = host;
        this.commissions = commissions;
        this.saves = new BookCapture(saved);
    }

    // ---- state ----

    /** The book as a save keeps it, built from what changed since the last capture. Only for a saved account. */
    BookCapture.Capture capture() {
        return saves.capture(this::loneStates, charged);
    }

    private List<LoneOrderState> loneStates() {
        return lone.values().stream().map(PaperLoneOrder::state).toList();
    }

    /** Every bracket's state, built afresh (what {@link #capture} must agree with). */
    List<BracketState> bracketStates() {
        return brackets.values().stream().map(PaperBracket::state).toList();
    }

    /** The trades, built afresh (what {@link #capture} must agree with). */
    TradeState tradeState() {
        Map<String, LegChange> legs = new LinkedHashMap<>();
        brackets.values().forEach(b -> legs.putAll(b.changes()));
        return new TradeState(legs, loneStates(), charged);
    }

    void restore(List<BracketState> savedBrackets, TradeState savedTrades) {
        brackets.clear();
        lone.clear();
        charged.clear();
        live.clear();
        liveLone.clear();
        savedBrackets.forEach(b -> {
            PaperBracket pb = PaperBracket.from(b, savedTrades.legs());
            brackets.put(b.order().orderRef(), pb);
            if (pb.live()) {
                live.put(b.order().orderRef(), pb);
            }
        });
        for (LoneOrderState o : savedTrades.orders()) {
            PaperLoneOrder lo = PaperLoneOrder.from(o);
            lone.put(o.ref(), lo);
            if (lo.order().live()) {
                liveLone.put(o.ref(), lo);
            }
        }
        charged.putAll(savedTrades.commissions());
        saves.reset(savedBrackets, savedTrades);
    }

    /**
     * A mutation of {@code b} (its legs' states, fills, prices, quantities), marked before the views of
     * its legs are read again: they are made afresh, and the next capture looks at it.
     */
    private void touch(PaperBracket b) {
        b.changed();
        saves.touched(b);
    }

    boolean knows(String ref) {
        return brackets.containsKey(ref) || lone.containsKey(ref);
    }

    boolean hasLive() {
        return !liveBrackets().isEmpty() || !liveLoneOrders().isEmpty();
    }

    /** The live brackets, in the order they were placed (done ones leave the index here). */
    private Collection<PaperBracket> liveBrackets() {
        live.values().removeIf(b -> !b.live());
        return live.values();
    }

    private Collection<PaperLoneOrder> liveLoneOrders() {
        liveLone.values().removeIf(o -> !o.order().live());
        return liveLone.values();
    }

    double workingEntryNotional() {
        double notional = 0;
        for (PaperBracket b : liveBrackets()) {
            if (b.entry.state == OrderState.WORKING) {
                notional += b.entry.quantity * b.entry.price;
            }
        }
        return notional;
    }

    List<OrderView> open() {
        List<OrderView> out = new ArrayList<>();
        for (PaperBracket b : liveBrackets()) {
            out.addAll(b.liveViews());
        }
        for (PaperLoneOrder o : liveLoneOrders()) {
            out.add(o.view());
        }
        return out;
    }

    List<OrderView> byRef(String ref) {
        PaperBracket b = brackets.get(ref);
        if (b != null) {
            return b.legs().stream().map(b::view).toList();
        }
        PaperLoneOrder o = lone.get(ref);
        return o == null ? List.of() : List.of(o.view());
    }

    // ---- brackets ----

    void add(BracketOrder order, List<String> ids) {
        PaperBracket b = new PaperBracket(order, ids);
        brackets.put(order.orderRef(), b);
        live.put(order.orderRef(), b);
        touch(b);
        for (PaperOrder leg : b.legs()) {
            host.event(new OrderEvent.Working(order.orderRef(), leg.leg, leg.id, host.now()));
        }
        priceNow(order.symbol()).ifPresent(price -> match(b, price));
    }

    int cancel(String ref) {
        PaperBracket b = brackets.get(ref);
        List<PaperOrder> legs = b != null ? b.legs() : lone.containsKey(ref) ? List.of(lone.get(ref).order()) : List.of();
        if (b != null) {
            touch(b);
        } else {
            saves.loneTouched();
        }
        int n = 0;
        for (PaperOrder leg : legs) {
            if (leg.live()) {
                cancelLeg(ref, leg, "cancelled on request");
                n++;
            }
        }
        return n;
    }

    /** Everything live in {@code symbol} (or everywhere, for null) meets the price now. */
    void matchAll(String symbol) {
        for (PaperBracket b : new ArrayList<>(liveBrackets())) {
            if (b.live() && (symbol == null || b.symbol().equals(symbol))) {
                priceNow(b.symbol()).ifPresent(price -> match(b, price));
            }
        }
        for (PaperLoneOrder o : new ArrayList<>(liveLoneOrders())) {
            if (o.order().live() && (symbol == null || o.symbol().equals(symbol))) {
                priceNow(o.symbol()).ifPresent(price -> match(o, price));
            }
        }
    }

    /** The price now when the session is open and the feed has one; empty otherwise (orders wait). */
    private OptionalDouble priceNow(String symbol) {
        if (!host.inSession()) {
            return OptionalDouble.empty();
        }
        try {
            return OptionalDouble.of(host.livePrice(symbol));
        } catch (MarketDataException e) {
            LOG.debug("{} not matched now: no price ({})", symbol, e.getMessage());
            return OptionalDouble.empty();
        }
    }

    private void match(PaperBracket b, double price) {
        int sign = b.order.direction().sign();
        if (b.entry.state == OrderState.WORKING && sign * (price - b.entry.price) <= 0) {
            touch(b);
            fill(b.order.orderRef(), b.symbol(), b.entry, b.entry.price, sign);
            b.stop.state = OrderState.WORKING;
            b.target.state = OrderState.WORKING;
        }
        if (b.entry.state != OrderState.FILLED) {
            return;
        }
        if (follow(b.stop, b.order.direction(), price)) {
            touch(b);
        }
        if (b.stop.state == OrderState.WORKING && sign * (price - b.stop.price) <= 0) {
            touch(b);
            fill(b.order.orderRef(), b.symbol(), b.stop, sign > 0 ? Math.min(price, b.stop.price)
                    : Math.max(price, b.stop.price), -sign);
            cancelLeg(b.order.orderRef(), b.target, "one-cancels-other: the stop loss filled");
        } else if (b.target.state == OrderState.WORKING && sign * (price - b.target.price) >= 0) {
            touch(b);
            fill(b.order.orderRef(), b.symbol(), b.target, b.target.price, -sign);
            cancelLeg(b.order.orderRef(), b.stop, "one-cancels-other: the take profit filled");
        }
    }

    private void match(PaperLoneOrder o, double price) {
        PaperOrder order = o.order();
        int sign = o.positionDirection().sign();
        if (order.state != OrderState.WORKING) {
            return;
        }
        saves.loneTouched();
        if (o.closes()) {
            if (order.price == 0) {
                fill(o.ref(), o.symbol(), order, price, -sign);
            } else if (sign * (price - order.price) >= 0) {
                fill(o.ref(), o.symbol(), order, order.price, -sign);
            }
        } else if (sign * (price - order.price) <= 0) {
            fill(o.ref(), o.symbol(), order, sign > 0 ? Math.min(price, order.price) : Math.max(price, order.price),
                    -sign);
        }
    }

    /** A trailing stop that works moves with the price; true when it moved. */
    private static boolean follow(PaperOrder stop, Direction direction, double price) {
        if (stop.state == OrderState.WORKING && stop.trailing.isPresent()) {
            double moved = SymbolPath.cents(stop.trailing.get().follow(direction, stop.price, price));
            if (Double.compare(moved, stop.price) != 0) {
                stop.price = moved;
                return true;
            }
        }
        return false;
    }

    private void fill(String ref, String symbol, PaperOrder leg, double price, int side) {
        String exec = host.newExecutionId();
        leg.filled(exec, price, host.now());
        host.account().fill(symbol, side * leg.quantity, price);
        LOG.debug("paper {} {}: {} x{} filled at {}", ref, leg.leg.wire(), symbol, leg.quantity, price);
        host.event(new OrderEvent.Filled(ref, leg.leg, leg.id, exec, symbol, leg.quantity, price, true, host.now()));
        double commission = commissions.charge(leg.quantity, price);
        if (commission > 0) {
            host.account().charge(commission);
            charged.put(exec, commission);
            saves.chargedTouched();
            host.event(new OrderEvent.Commission(ref, leg.leg, leg.id, exec, commission, host.now()));
        }
    }

    private void cancelLeg(String ref, PaperOrder leg, String reason) {
        leg.state = OrderState.CANCELLED;
        LOG.debug("paper {}: {} cancelled ({})", ref, leg.leg.wire(), reason);
        host.event(new OrderEvent.Cancelled(ref, leg.leg, leg.id, reason, host.now()));
    }

    // ---- looking after trades ----

    ModifyResult modify(String ref, ProtectionChange change) {
        PaperBracket b = brackets.get(ref);
        if (b == null) {
            return new ModifyResult.Refused(ref, "the paper broker holds no bracket " + ref);
        }
        if (change.stopPrice().isPresent() && b.stop.state.done()) {
            return new ModifyResult.Refused(ref, "its stop loss is " + b.stop.state.wire());
        }
        if (change.targetPrice().isPresent() && b.target.state.done()) {
            return new ModifyResult.Refused(ref, "its take profit is " + b.target.state.wire());
        }
        touch(b);
        if (change.stopPrice().isPresent()) {
            b.stop.price = change.stopPrice().getAsDouble();
            b.stop.trailing = change.trailing();
            modified(ref, b.stop);
        }
        if (change.targetPrice().isPresent()) {
            b.target.price = change.targetPrice().getAsDouble();
            modified(ref, b.target);
        }
        priceNow(b.symbol()).ifPresent(price -> match(b, price));
        return new ModifyResult.Modified(ref, byRef(ref));
    }

    PlaceResult close(CloseOrder c) {
        String ref = c.closeRef();
        if (knows(ref)) {
            return new PlaceResult.Rejected(ref, "duplicate ref: the paper broker already holds " + ref, true);
        }
        long open = host.account().quantity(c.symbol()) * c.positionDirection().sign();
        if (open < c.quantity()) {
            return new PlaceResult.Rejected(ref, String.format(Locale.ROOT, "the %s position in %s is %d shares,"
                    + " fewer than the %d to close", c.positionDirection().wire(), c.symbol(), Math.max(0, open),
                    c.quantity()), false);
        }
        Optional<PaperBracket> bracket = c.bracketRef().map(brackets::get);
        if (c.bracketRef().isPresent()) {
            if (bracket.isEmpty()) {
                return new PlaceResult.Rejected(ref, "the paper broker holds no bracket " + c.bracketRef().get(), false);
            }
            if (bracket.get().entry.state != OrderState.FILLED) {
                return new PlaceResult.Rejected(ref, "the entry of " + c.bracketRef().get() + " has not filled", false);
            }
            cut(bracket.get(), c.quantity(), ref);
        }
        PaperOrder order = new PaperOrder(host.newOrderId(), OrderLeg.CLOSE, c.quantity(), c.limitPrice().orElse(0),
                OrderState.WORKING);
        PaperLoneOrder lo = new PaperLoneOrder(ref, c.symbol(), c.positionDirection(), order);
        lone.put(ref, lo);
        liveLone.put(ref, lo);
        saves.loneTouched();
        host.event(new OrderEvent.Working(ref, OrderLeg.CLOSE, order.id, host.now()));
        priceNow(c.symbol()).ifPresent(price -> match(lo, price));
        return new PlaceResult.Accepted(ref, order.id, order.state);
    }

    /** Cuts a bracket's working protective legs by {@code quantity}, cancelling those with nothing left. */
    private void cut(PaperBracket b, long quantity, String by) {
        touch(b);
        for (PaperOrder leg : List.of(b.stop, b.target)) {
            if (!leg.live()) {
                continue;
            }
            if (leg.quantity <= quantity) {
                cancelLeg(b.order.orderRef(), leg, "cancelled with close " + by);
            } else {
                leg.quantity -= quantity;
                modified(b.order.orderRef(), leg);
            }
        }
    }

    PlaceResult protect(StopOrder s) {
        if (knows(s.ref())) {
            return new PlaceResult.Rejected(s.ref(), "duplicate ref: the paper broker already holds " + s.ref(), true);
        }
        PaperOrder order = new PaperOrder(host.newOrderId(), OrderLeg.STOP_LOSS, s.quantity(), s.stopPrice(),
                OrderState.WORKING);
        PaperLoneOrder lo = new PaperLoneOrder(s.ref(), s.symbol(), s.positionDirection(), order);
        lone.put(s.ref(), lo);
        liveLone.put(s.ref(), lo);
        saves.loneTouched();
        host.event(new OrderEvent.Working(s.ref(), OrderLeg.STOP_LOSS, order.id, host.now()));
        priceNow(s.symbol()).ifPresent(price -> match(lo, price));
        return new PlaceResult.Accepted(s.ref(), order.id, order.state);
    }

    private void modified(String ref, PaperOrder leg) {
        host.event(new OrderEvent.Modified(ref, leg.leg, leg.id, leg.price, leg.quantity, host.now()));
    }
}
