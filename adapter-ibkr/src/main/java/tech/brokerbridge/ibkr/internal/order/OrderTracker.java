package tech.brokerbridge.ibkr.internal.order;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import tech.brokerbridge.ibkr.internal.error.ErrorKind;
import tech.brokerbridge.ibkr.internal.msg.Inbound.CommissionReport;
import tech.brokerbridge.ibkr.internal.msg.Inbound.ExecDetails;
import tech.brokerbridge.ibkr.internal.msg.Inbound.OpenOrder;
import tech.brokerbridge.ibkr.internal.msg.Inbound.OrderStatus;
import tech.brokerbridge.ibkr.internal.msg.Outbound.PlaceOrder;
import tech.brokerbridge.ports.broker.OrderEvent;
import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.broker.OrderState;
import tech.brokerbridge.ports.broker.OrderView;
import tech.brokerbridge.ports.market.Direction;

/**
 * Every order leg tagged with an orderRef that the gateway reported or that we sent, and the refs
 * the gateway is known to hold. Turns openOrder / orderStatus / execDetails / order errors into
 * {@link OrderEvent}s, each transition once. Thread-safe (one lock); events are published under the
 * lock so their order is the order of the messages.
 *
 * <p>While a bracket's acknowledgement is awaited its events are held back; they are published as
 * soon as it is accepted (or when the submitter gives up waiting) and dropped if it is refused as a
 * whole (unknown contract), so the caller
 * hears about a refusal once, through the submit result. The same goes for a single order (a close,
 * a stand-alone stop). Modifications and cancels sent by the trade control wait for their answer
 * ({@link Answers}); a leg whose levels or quantity change is reported as {@link OrderEvent.Modified};
 * a commission report follows its execution as {@link OrderEvent.Commission}, once per execution.
 */
public final class OrderTracker {
    private final Object lock = new Object();
    private final LegBook legs = new LegBook();
    private final Set<String> knownRefs = new HashSet<>();
    private final Set<String> seenExecIds = new HashSet<>();
    /** Changed under the lock only; concurrent so that {@link #settle} can see without it that nothing is left. */
    private final Map<String, BracketAck> acks = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, List<OrderEvent>> held = new HashMap<>();
    private final Answers answers = new Answers();
    /** Which order each execution belongs to, for its commission report. */
    private final Map<String, Integer> executionOrders = new HashMap<>();
    private final Set<String> seenCommissions = new HashSet<>();
    private final EventBus bus;
    private final Clock clock;

    public OrderTracker(EventBus bus, Clock clock) {
        this.bus = bus;
        this.clock = clock;
    }

    /**
     * True when the gateway holds (or held today) a leg with this ref, or when a leg with this ref
     * was sent on the current session and not answered yet: such a leg may exist at the gateway,
     * and only the reconciliation after a reconnect can tell.
     */
    public boolean knows(String orderRef) {
        synchronized (lock) {
            return knownRefs.contains(orderRef) || legs.hasRef(orderRef);
        }
    }

    /**
     * Records a bracket (or a single order) about to be sent; the future completes when every leg got
     * its first answer. The caller settles by {@code rule}.
     */
    public CompletableFuture<BracketAck.Outcome> expect(List<PlaceOrder> orders, OrderLeg[] kinds, String symbol,
            Direction direction, BracketAck.Rule rule) {
        synchronized (lock) {
            String ref = orders.get(0).order().orderRef();
            List<Integer> ids = new ArrayList<>();
            for (int i = 0; i < orders.size(); i++) {
                PlaceOrder p = orders.get(i);
                double price = kinds[i] == OrderLeg.STOP_LOSS ? p.order().auxPrice() : p.order().lmtPrice();
                TrackedLeg leg = new TrackedLeg(p.orderId(), ref, kinds[i], symbol, direction,
                        p.order().totalQuantity(), price == Double.MAX_VALUE ? 0.0 : price);
                leg.params = p.order();
                leg.contract = p.contract();
                legs.put(leg);
                ids.add(p.orderId());
            }
            BracketAck ack = new BracketAck(ref, ids, rule);
            acks.put(ref, ack);
            held.put(ref, new ArrayList<>());
            return ack.future();
        }
    }

    /**
     * Ends the wait for a bracket: publish its held events (those not released when it was
     * acknowledged), or forget the bracket entirely.
     */
    public void settle(String orderRef, boolean accepted) {
        if (accepted && !acks.containsKey(orderRef)) {
            return; // released when acknowledged: the reader may still hold the lock, no need to wait for it
        }
        synchronized (lock) {
            acks.remove(orderRef);
            List<OrderEvent> events = held.remove(orderRef);
            if (accepted) {
                if (events != null) {
                    events.forEach(bus::publish);
                }
            } else {
                legs.removeRef(orderRef);
                knownRefs.remove(orderRef);
            }
        }
    }

    public void onOpenOrder(OpenOrder m) {
        synchronized (lock) {
            if (m.orderRef().isEmpty() && !legs.contains(m.orderId())) {
                return; // not placed through BrokerBridge
            }
            TrackedLeg l = legs.computeIfAbsent(m.orderId(), id -> OpenOrders.fromOpenOrder(m));
            l.params = OpenOrders.paramsOf(m);
            l.contract = m.contract();
            answered(l);
            boolean modifying = answers.awaits(l.orderId, Answers.Kind.MODIFY);
            boolean changed = OpenOrders.levels(l, m, modifying);
            applyStatus(l, m.status(), "");
            if (changed && !l.state.done()) {
                emit(l, new OrderEvent.Modified(l.orderRef, l.leg, l.brokerId(), l.price, Math.round(l.quantity),
                        clock.instant()));
            }
            answers.done(l.orderId, Answers.Kind.MODIFY);
        }
    }

    public void onOrderStatus(OrderStatus m) {
        synchronized (lock) {
            TrackedLeg l = legs.get(m.orderId());
            if (l == null) {
                return;
            }
            answered(l);
            if (m.filled() != Double.MAX_VALUE) {
                l.filled = Math.max(l.filled, m.filled());
            }
            if (m.avgFillPrice() > 0) {
                l.avgFillPrice = m.avgFillPrice();
            }
            applyStatus(l, m.status(), m.whyHeld());
            if (l.state == OrderState.CANCELLED) {
                answers.done(l.orderId, Answers.Kind.CANCEL);
            } else if (l.state == OrderState.FILLED) {
                answers.refused(l.orderId, Answers.Kind.CANCEL, "it filled");
            }
        }
    }

    public void onExecution(ExecDetails m) {
        synchronized (lock) {
            String ref = m.execution().orderRef();
            TrackedLeg l = legs.get(m.orderId());
            if (l == null) {
                if (ref.isEmpty()) {
                    return;
                }
                l = fromExecution(m);
                legs.put(l);
            }
            answered(l);
            executionOrders.put(m.execution().execId(), l.orderId);
            if (!seenExecIds.add(m.execution().execId())) {
                return;
            }
            double cum = m.execution().cumQty() == Double.MAX_VALUE ? l.filled + m.execution().shares()
                    : m.execution().cumQty();
            l.filled = Math.max(l.filled, cum);
            l.avgFillPrice = m.execution().avgPrice();
            boolean complete = l.filled + 1e-9 >= l.quantity;
            if (complete && !l.state.done()) {
                l.state = OrderState.FILLED;
                activateChildren(l);
            } else if (!l.state.done()) {
                l.state = OrderState.WORKING;
            }
            emit(l, new OrderEvent.Filled(l.orderRef, l.leg, l.brokerId(), m.execution().execId(), l.symbol,
                    Math.round(m.execution().shares()), m.execution().price(), complete, clock.instant()));
        }
    }

    /** What IB charged for an execution: a {@link OrderEvent.Commission} once per execution of a tracked leg. */
    public void onCommission(CommissionReport m) {
        synchronized (lock) {
            Integer orderId = executionOrders.get(m.execId());
            TrackedLeg l = orderId == null ? null : legs.get(orderId);
            if (l == null || m.commission() == Double.MAX_VALUE || !seenCommissions.add(m.execId())) {
                return;
            }
            emit(l, new OrderEvent.Commission(l.orderRef, l.leg, l.brokerId(), m.execId(), m.commission(),
                    clock.instant()));
        }
    }

    /** Applies an error to the order with this id. Returns false when the id is not an order we track. */
    public boolean onOrderError(int orderId, ErrorKind kind, int code, String message) {
        synchronized (lock) {
            TrackedLeg l = legs.get(orderId);
            if (l == null) {
                return false;
            }
            String reason = "IB " + code + ": " + message;
            if (answers.onError(orderId, kind, reason)) {
                l.lastError = reason; // a refused modification or cancel: the order stands as it was
                return true;
            }
            switch (kind) {
                case ORDER_REJECTED, UNKNOWN_CONTRACT, DUPLICATE_ORDER_ID -> {
                    l.lastError = reason;
                    BracketAck ack = acks.get(l.orderRef);
                    if (ack != null) {
                        ack.error(orderId, kind, reason);
                        releaseIfAccepted(ack);
                    }
                    l.answered = true;
                    if (!l.state.done()) {
                        l.state = OrderState.REJECTED;
                        emit(l, new OrderEvent.Rejected(l.orderRef, l.leg, l.brokerId(), reason, clock.instant()));
                    }
                }
                case ORDER_CANCELLED -> {
                    // 202 may come before or after the Cancelled status; whichever is first reports
                    l.cancelReason = reason;
                    l.answered = true;
                    if (!l.state.done()) {
                        l.state = OrderState.CANCELLED;
                        emit(l, new OrderEvent.Cancelled(l.orderRef, l.leg, l.brokerId(), reason, clock.instant()));
                    }
                }
                default -> l.lastError = reason;
            }
            return true;
        }
    }

    /**
     * The connection dropped: pending acknowledgements fail, and legs the gateway never answered
     * are forgotten, so that reconciliation after the reconnect decides whether they exist.
     */
    public void onDisconnect(RuntimeException failure) {
        synchronized (lock) {
            answers.failAll(failure);
            for (BracketAck ack : new ArrayList<>(acks.values())) {
                ack.fail(failure);
                settle(ack.orderRef(), true);
            }
            legs.removeIf(l -> !l.answered);
        }
    }

    public List<OrderView> openOrders() {
        synchronized (lock) {
            return legs.all().stream().filter(l -> !l.state.done() && !acks.containsKey(l.orderRef))
                    .sorted(Comparator.comparingInt(l -> l.orderId)).map(TrackedLeg::view).toList();
        }
    }

    public List<OrderView> byRef(String orderRef) {
        synchronized (lock) {
            return legs.ofRef(orderRef).stream()
                    .sorted(Comparator.comparingInt(l -> l.orderId)).map(TrackedLeg::view).toList();
        }
    }

    /** Ids of the legs with this ref that are not done, parent first. */
    public List<Integer> cancellable(String orderRef) {
        synchronized (lock) {
            return legs.ofRef(orderRef).stream().filter(l -> !l.state.done())
                    .map(l -> l.orderId).sorted().toList();
        }
    }

    /** The legs with this ref, lowest id first, as the trade control needs them. */
    public List<LegInfo> legsOf(String orderRef) {
        synchronized (lock) {
            return legs.ofRef(orderRef).stream()
                    .sorted(Comparator.comparingInt(l -> l.orderId)).map(TrackedLeg::info).toList();
        }
    }

    /** Waits for the answer to a modification of this order about to be sent: empty when taken, else why not. */
    public CompletableFuture<Optional<String>> awaitModification(int orderId) {
        synchronized (lock) {
            return answers.await(orderId, Answers.Kind.MODIFY);
        }
    }

    /** Waits for the answer to a cancel of this order about to be sent: empty when cancelled, else why not. */
    public CompletableFuture<Optional<String>> awaitCancel(int orderId) {
        synchronized (lock) {
            return answers.await(orderId, Answers.Kind.CANCEL);
        }
    }

    private void answered(TrackedLeg l) {
        l.answered = true;
        knownRefs.add(l.orderRef);
        BracketAck ack = acks.get(l.orderRef);
        if (ack != null) {
            ack.answered(l.orderId);
            releaseIfAccepted(ack);
        }
    }

    /**
     * An accepted bracket's held events go out as soon as it is acknowledged, here on the reader
     * thread, right after the submitter was woken: the submitter then has nothing left to hand to
     * the event thread before it returns. A refused one (unknown contract) keeps them held, for
     * {@link #settle} to drop.
     */
    private void releaseIfAccepted(BracketAck ack) {
        if (ack.accepted()) {
            acks.remove(ack.orderRef());
            List<OrderEvent> events = held.remove(ack.orderRef());
            if (events != null) {
                events.forEach(bus::publish);
            }
        }
    }

    private void applyStatus(TrackedLeg l, String status, String whyHeld) {
        if (l.state.done()) {
            return;
        }
        switch (status) {
            case "PreSubmitted" -> working(l, l.leg == OrderLeg.ENTRY || entryFilled(l.orderRef)
                    ? OrderState.WORKING : OrderState.PENDING);
            case "Submitted" -> working(l, OrderState.WORKING);
            case "Filled" -> {
                if (l.filled + 1e-9 >= l.quantity) {
                    l.state = OrderState.FILLED;
                    activateChildren(l);
                }
            }
            case "Cancelled", "ApiCancelled" -> {
                l.state = OrderState.CANCELLED;
                String reason = l.cancelReason.isEmpty() ? "cancelled (" + status + ")" : l.cancelReason;
                emit(l, new OrderEvent.Cancelled(l.orderRef, l.leg, l.brokerId(), reason, clock.instant()));
            }
            case "Inactive" -> {
                l.state = OrderState.REJECTED;
                String reason = !l.lastError.isEmpty() ? l.lastError
                        : "inactive at IB" + (whyHeld.isEmpty() ? "" : ": " + whyHeld);
                emit(l, new OrderEvent.Rejected(l.orderRef, l.leg, l.brokerId(), reason, clock.instant()));
            }
            default -> { } // PendingSubmit, ApiPending, PendingCancel: nothing settled yet
        }
    }

    /**
     * Once an entry filled its children are active at IB, even a stop that IB keeps "PreSubmitted"
     * until it triggers (held on IB's side): they work for the desk from then on.
     */
    private void activateChildren(TrackedLeg entry) {
        if (entry.leg != OrderLeg.ENTRY) {
            return;
        }
        for (TrackedLeg child : legs.ofRef(entry.orderRef)) {
            if (child.leg.protective() && child.state == OrderState.PENDING) {
                child.state = OrderState.WORKING;
            }
        }
    }

    private boolean entryFilled(String orderRef) {
        return legs.ofRef(orderRef).stream().anyMatch(l -> l.leg == OrderLeg.ENTRY
                && l.state == OrderState.FILLED);
    }

    private void working(TrackedLeg l, OrderState state) {
        l.state = state;
        if (!l.workingReported) {
            l.workingReported = true;
            emit(l, new OrderEvent.Working(l.orderRef, l.leg, l.brokerId(), clock.instant()));
        }
    }

    private void emit(TrackedLeg l, OrderEvent e) {
        List<OrderEvent> h = held.get(l.orderRef);
        if (h != null) {
            h.add(e);
        } else {
            bus.publish(e);
        }
    }

    /**
     * A leg known only from an execution (it finished before we connected). The execution has no
     * order type, so the leg is inferred from the ids we allocate: entry, stop (+1), target (+2);
     * the first fill of an unknown ref is the entry.
     */
    private TrackedLeg fromExecution(ExecDetails m) {
        String ref = m.execution().orderRef();
        int entryId = legs.ofRef(ref).stream().filter(l -> l.leg == OrderLeg.ENTRY)
                .mapToInt(l -> l.orderId).min().orElse(m.orderId());
        int offset = m.orderId() - entryId;
        OrderLeg leg = OpenOrders.kindOfRef(ref).orElse(offset == 1 ? OrderLeg.STOP_LOSS
                : offset == 2 ? OrderLeg.TAKE_PROFIT : OrderLeg.ENTRY);
        boolean bought = m.execution().side().equals("BOT");
        Direction d = (leg == OrderLeg.ENTRY) == bought ? Direction.LONG : Direction.SHORT;
        double qty = m.execution().cumQty() == Double.MAX_VALUE ? m.execution().shares() : m.execution().cumQty();
        return new TrackedLeg(m.orderId(), ref, leg, m.contract().symbol(), d, qty, m.execution().price());
    }
}
