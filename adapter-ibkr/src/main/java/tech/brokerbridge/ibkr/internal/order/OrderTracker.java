package tech.brokerbridge.ibkr.internal.order;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import tech.brokerbridge.ibkr.internal.error.ErrorKind;
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
 * <p>While a bracket's acknowledgement is awaited its events are held back; they are published if
 * the bracket is accepted and dropped if it is refused as a whole (unknown contract), so the caller
 * hears about a refusal once, through the submit result.
 */
public final class OrderTracker {
    private final Object lock = new Object();
    private final Map<Integer, TrackedLeg> legs = new HashMap<>();
    private final Set<String> knownRefs = new HashSet<>();
    private final Set<String> seenExecIds = new HashSet<>();
    private final Map<String, BracketAck> acks = new HashMap<>();
    private final Map<String, List<OrderEvent>> held = new HashMap<>();
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
            return knownRefs.contains(orderRef) || legs.values().stream().anyMatch(l -> l.orderRef.equals(orderRef));
        }
    }

    /** Records a bracket about to be sent; the future completes when every leg got its first answer. */
    public CompletableFuture<BracketAck.Outcome> expect(List<PlaceOrder> orders, OrderLeg[] kinds, String symbol,
            Direction direction) {
        synchronized (lock) {
            String ref = orders.get(0).order().orderRef();
            List<Integer> ids = new ArrayList<>();
            for (int i = 0; i < orders.size(); i++) {
                PlaceOrder p = orders.get(i);
                double price = kinds[i] == OrderLeg.STOP_LOSS ? p.order().auxPrice() : p.order().lmtPrice();
                legs.put(p.orderId(), new TrackedLeg(p.orderId(), ref, kinds[i], symbol, direction,
                        p.order().totalQuantity(), price));
                ids.add(p.orderId());
            }
            BracketAck ack = new BracketAck(ref, ids);
            acks.put(ref, ack);
            held.put(ref, new ArrayList<>());
            return ack.future();
        }
    }

    /** Ends the wait for a bracket: publish its held events, or forget the bracket entirely. */
    public void settle(String orderRef, boolean accepted) {
        synchronized (lock) {
            acks.remove(orderRef);
            List<OrderEvent> events = held.remove(orderRef);
            if (accepted) {
                if (events != null) {
                    events.forEach(bus::publish);
                }
            } else {
                legs.values().removeIf(l -> l.orderRef.equals(orderRef));
                knownRefs.remove(orderRef);
            }
        }
    }

    public void onOpenOrder(OpenOrder m) {
        synchronized (lock) {
            if (m.orderRef().isEmpty() && !legs.containsKey(m.orderId())) {
                return; // not placed through BrokerBridge
            }
            TrackedLeg l = legs.computeIfAbsent(m.orderId(), id -> fromOpenOrder(m));
            answered(l);
            applyStatus(l, m.status(), "");
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
                legs.put(l.orderId, l);
            }
            answered(l);
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
            } else if (!l.state.done()) {
                l.state = OrderState.WORKING;
            }
            emit(l, new OrderEvent.Filled(l.orderRef, l.leg, l.brokerId(), m.execution().execId(), l.symbol,
                    Math.round(m.execution().shares()), m.execution().price(), complete, clock.instant()));
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
            switch (kind) {
                case ORDER_REJECTED, UNKNOWN_CONTRACT, DUPLICATE_ORDER_ID -> {
                    l.lastError = reason;
                    BracketAck ack = acks.get(l.orderRef);
                    if (ack != null) {
                        ack.error(orderId, kind, reason);
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
            for (BracketAck ack : new ArrayList<>(acks.values())) {
                ack.fail(failure);
                settle(ack.orderRef(), true);
            }
            legs.values().removeIf(l -> !l.answered);
        }
    }

    public List<OrderView> openOrders() {
        synchronized (lock) {
            return legs.values().stream().filter(l -> !l.state.done() && !acks.containsKey(l.orderRef))
                    .sorted(Comparator.comparingInt(l -> l.orderId)).map(TrackedLeg::view).toList();
        }
    }

    public List<OrderView> byRef(String orderRef) {
        synchronized (lock) {
            return legs.values().stream().filter(l -> l.orderRef.equals(orderRef))
                    .sorted(Comparator.comparingInt(l -> l.orderId)).map(TrackedLeg::view).toList();
        }
    }

    /** Ids of the legs with this ref that are not done, parent first. */
    public List<Integer> cancellable(String orderRef) {
        synchronized (lock) {
            return legs.values().stream().filter(l -> l.orderRef.equals(orderRef) && !l.state.done())
                    .map(l -> l.orderId).sorted().toList();
        }
    }

    private void answered(TrackedLeg l) {
        l.answered = true;
        knownRefs.add(l.orderRef);
        BracketAck ack = acks.get(l.orderRef);
        if (ack != null) {
            ack.answered(l.orderId);
        }
    }

    private void applyStatus(TrackedLeg l, String status, String whyHeld) {
        if (l.state.done()) {
            return;
        }
        switch (status) {
            case "PreSubmitted" -> working(l, l.leg == OrderLeg.ENTRY ? OrderState.WORKING : OrderState.PENDING);
            case "Submitted" -> working(l, OrderState.WORKING);
            case "Filled" -> {
                if (l.filled + 1e-9 >= l.quantity) {
                    l.state = OrderState.FILLED;
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

    private static TrackedLeg fromOpenOrder(OpenOrder m) {
        boolean buy = m.action().equals("BUY");
        OrderLeg leg = m.parentId() == 0 ? OrderLeg.ENTRY
                : m.orderType().startsWith("STP") ? OrderLeg.STOP_LOSS : OrderLeg.TAKE_PROFIT;
        Direction d = (leg == OrderLeg.ENTRY) == buy ? Direction.LONG : Direction.SHORT;
        double price = leg == OrderLeg.STOP_LOSS ? m.auxPrice() : m.lmtPrice();
        return new TrackedLeg(m.orderId(), m.orderRef(), leg, m.contract().symbol(), d, m.totalQuantity(),
                price == Double.MAX_VALUE ? 0.0 : price);
    }

    /**
     * A leg known only from an execution (it finished before we connected). The execution has no
     * order type, so the leg is inferred from the ids we allocate: entry, stop (+1), target (+2);
     * the first fill of an unknown ref is the entry.
     */
    private TrackedLeg fromExecution(ExecDetails m) {
        String ref = m.execution().orderRef();
        int entryId = legs.values().stream().filter(l -> l.orderRef.equals(ref) && l.leg == OrderLeg.ENTRY)
                .mapToInt(l -> l.orderId).findFirst().orElse(m.orderId());
        int offset = m.orderId() - entryId;
        OrderLeg leg = offset == 1 ? OrderLeg.STOP_LOSS : offset == 2 ? OrderLeg.TAKE_PROFIT : OrderLeg.ENTRY;
        boolean bought = m.execution().side().equals("BOT");
        Direction d = (leg == OrderLeg.ENTRY) == bought ? Direction.LONG : Direction.SHORT;
        double qty = m.execution().cumQty() == Double.MAX_VALUE ? m.execution().shares() : m.execution().cumQty();
        return new TrackedLeg(m.orderId(), ref, leg, m.contract().symbol(), d, qty, m.execution().price());
    }
}
