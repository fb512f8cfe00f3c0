package tech.brokerbridge.ports.fakes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import tech.brokerbridge.ports.broker.BracketOrder;
import tech.brokerbridge.ports.broker.CloseOrder;
import tech.brokerbridge.ports.broker.OrderEvent;
import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.broker.OrderState;
import tech.brokerbridge.ports.broker.OrderView;
import tech.brokerbridge.ports.broker.Position;
import tech.brokerbridge.ports.broker.ProtectionChange;
import tech.brokerbridge.ports.broker.StopOrder;
import tech.brokerbridge.ports.broker.TrailingStop;
import tech.brokerbridge.ports.market.Direction;

/**
 * The {@link FakeBroker}'s orders and positions: brackets (three legs under one ref), closing orders
 * and stand-alone stops (one leg under their own ref), the matching when the market trades, and the
 * positions fills make. Not thread-safe: the fake calls it under its lock; each change hands its
 * events to {@code sink} in the order they happen.
 */
final class FakeBook {
    private final Map<String, List<OrderView>> orders = new LinkedHashMap<>();
    private final Map<String, Position> positions = new LinkedHashMap<>();
    private final Map<String, Double> lastPrice = new LinkedHashMap<>();
    private final AtomicInteger ids = new AtomicInteger(1000);
    private final AtomicInteger executions = new AtomicInteger();
    private double commissionPerExecution;

    boolean knows(String ref) {
        return orders.containsKey(ref);
    }

    List<OrderView> legs(String ref) {
        return List.copyOf(orders.getOrDefault(ref, List.of()));
    }

    List<OrderView> open() {
        List<OrderView> open = new ArrayList<>();
        orders.values().forEach(legs -> legs.stream().filter(v -> !v.state().done()).forEach(open::add));
        return open;
    }

    List<Position> positions() {
        return List.copyOf(positions.values());
    }

    void setPosition(Position p) {
        if (p.quantity() == 0) {
            positions.remove(p.symbol());
        } else {
            positions.put(p.symbol(), p);
        }
    }

    void chargeCommission(double perExecution) {
        this.commissionPerExecution = perExecution;
    }

    /** A new bracket, entry working and children held. */
    List<OrderView> add(BracketOrder o) {
        List<OrderView> legs = new ArrayList<>();
        legs.add(new OrderView(newId(), o.orderRef(), OrderLeg.ENTRY, o.symbol(), o.direction(), o.quantity(),
                o.entryLimit(), OrderState.WORKING, 0, 0));
        legs.add(new OrderView(newId(), o.orderRef(), OrderLeg.STOP_LOSS, o.symbol(), o.direction(), o.quantity(),
                o.stopLoss(), OrderState.PENDING, 0, 0));
        legs.add(new OrderView(newId(), o.orderRef(), OrderLeg.TAKE_PROFIT, o.symbol(), o.direction(), o.quantity(),
                o.takeProfit(), OrderState.PENDING, 0, 0));
        orders.put(o.orderRef(), legs);
        return legs;
    }

    /** The market trades at {@code price}: trailing stops follow, then what the price reaches fills. */
    void tradeAt(String symbol, double price, Instant now, Consumer<OrderEvent> sink) {
        lastPrice.put(symbol, price);
        positions.computeIfPresent(symbol, (s, p) -> new Position(s, p.quantity(), p.averageCost(), price,
                (price - p.averageCost()) * p.quantity(), p.realizedPnl()));
        for (Map.Entry<String, List<OrderView>> e : new ArrayList<>(orders.entrySet())) {
            List<OrderView> legs = e.getValue();
            for (int i = 0; i < legs.size(); i++) {
                OrderView v = legs.get(i);
                if (!v.symbol().equals(symbol) || v.state() != OrderState.WORKING) {
                    continue;
                }
                if (v.trailing().isPresent()) {
                    double stop = v.trailing().get().follow(v.direction(), v.limitOrStopPrice(), price);
                    v = withPrice(v, stop, v.quantity());
                    legs.set(i, v);
                }
                OptionalDouble at = executionPrice(v, price);
                if (at.isPresent() && legs.get(i).state() == OrderState.WORKING) {
                    fill(e.getKey(), v.leg(), at.getAsDouble(), now, sink);
                }
            }
        }
    }

    /** The price an order executes at when the market trades at {@code price}, if it does. */
    private static OptionalDouble executionPrice(OrderView v, double price) {
        boolean opens = v.leg() == OrderLeg.ENTRY;
        boolean buys = opens == (v.direction() == Direction.LONG);
        double level = v.limitOrStopPrice();
        switch (v.leg()) {
            case ENTRY, TAKE_PROFIT -> {
                if (buys ? price <= level : price >= level) {
                    return OptionalDouble.of(opens ? (buys ? Math.min(price, level) : Math.max(price, level)) : price);
                }
            }
            case STOP_LOSS -> {
                if (buys ? price >= level : price <= level) {
                    return OptionalDouble.of(price);
                }
            }
            case CLOSE -> {
                if (level == 0 || (buys ? price <= level : price >= level)) {
                    return OptionalDouble.of(level == 0 ? price : level);
                }
            }
        }
        return OptionalDouble.empty();
    }

    /**
     * Fills a leg whole at {@code price}: an entry's children start working; a bracket child cancels
     * its sibling (one-cancels-other); positions move.
     */
    void fill(String ref, OrderLeg leg, double price, Instant now, Consumer<OrderEvent> sink) {
        List<OrderView> legs = require(ref);
        int i = indexOf(legs, leg);
        OrderView v = legs.get(i);
        long qty = v.quantity() - v.filledQuantity();
        legs.set(i, with(v, OrderState.FILLED, v.quantity(), price));
        boolean opens = leg == OrderLeg.ENTRY;
        move(v.symbol(), (opens ? 1 : -1) * v.direction().sign() * qty, price);
        String exec = "exec-" + executions.incrementAndGet();
        sink.accept(new OrderEvent.Filled(ref, leg, v.brokerOrderId(), exec, v.symbol(), qty, price, true, now));
        if (commissionPerExecution > 0) {
            sink.accept(new OrderEvent.Commission(ref, leg, v.brokerOrderId(), exec, commissionPerExecution, now));
        }
        if (opens) {
            for (int c = 0; c < legs.size(); c++) {
                if (legs.get(c).state() == OrderState.PENDING) {
                    legs.set(c, with(legs.get(c), OrderState.WORKING, 0, 0));
                }
            }
        } else if (leg.protective() && legs.size() == 3) {
            OrderView other = legs.get(3 - i);
            if (!other.state().done()) {
                legs.set(3 - i, with(other, OrderState.CANCELLED, 0, 0));
                sink.accept(new OrderEvent.Cancelled(ref, other.leg(), other.brokerOrderId(), "one-cancels-other",
                        now));
            }
        }
    }

    /** Every leg under {@code ref} that is not done is cancelled; returns how many. */
    int cancel(String ref, String reason, Instant now, Consumer<OrderEvent> sink) {
        List<OrderView> legs = orders.get(ref);
        if (legs == null) {
            return 0;
        }
        int n = 0;
        for (int i = 0; i < legs.size(); i++) {
            OrderView v = legs.get(i);
            if (!v.state().done()) {
                legs.set(i, with(v, OrderState.CANCELLED, v.filledQuantity(), v.averageFillPrice()));
                n++;
                sink.accept(new OrderEvent.Cancelled(ref, v.leg(), v.brokerOrderId(), reason, now));
            }
        }
        return n;
    }

    /** Cancels one leg, as if someone did it in the broker's own software. */
    void cancelLeg(String ref, OrderLeg leg, String reason, Instant now, Consumer<OrderEvent> sink) {
        List<OrderView> legs = require(ref);
        int i = indexOf(legs, leg);
        OrderView v = legs.get(i);
        legs.set(i, with(v, OrderState.CANCELLED, v.filledQuantity(), v.averageFillPrice()));
        sink.accept(new OrderEvent.Cancelled(ref, leg, v.brokerOrderId(), reason, now));
    }

    /** Rejects every leg of the bracket after it was accepted. */
    void reject(String ref, String reason, Instant now, Consumer<OrderEvent> sink) {
        List<OrderView> legs = require(ref);
        for (int i = 0; i < legs.size(); i++) {
            legs.set(i, with(legs.get(i), OrderState.REJECTED, 0, 0));
        }
        sink.accept(new OrderEvent.Rejected(ref, OrderLeg.ENTRY, legs.get(0).brokerOrderId(), reason, now));
    }

    /** Applies a modification; returns the refusal reason, if any. */
    Optional<String> modify(String ref, ProtectionChange change, Instant now, Consumer<OrderEvent> sink) {
        List<OrderView> legs = orders.get(ref);
        if (legs == null || legs.size() != 3) {
            return Optional.of("no bracket with ref " + ref);
        }
        for (OrderLeg leg : new OrderLeg[] {OrderLeg.STOP_LOSS, OrderLeg.TAKE_PROFIT}) {
            boolean asked = leg == OrderLeg.STOP_LOSS ? change.stopPrice().isPresent() : change.targetPrice().isPresent();
            if (asked && legs.get(indexOf(legs, leg)).state().done()) {
                return Optional.of("the " + leg.wire() + " is " + legs.get(indexOf(legs, leg)).state().wire());
            }
        }
        if (change.stopPrice().isPresent()) {
            int i = indexOf(legs, OrderLeg.STOP_LOSS);
            OrderView v = withPrice(legs.get(i), change.stopPrice().getAsDouble(), legs.get(i).quantity());
            legs.set(i, withTrailing(v, change.trailing()));
            sink.accept(new OrderEvent.Modified(ref, OrderLeg.STOP_LOSS, v.brokerOrderId(), v.limitOrStopPrice(),
                    v.quantity(), now));
        }
        if (change.targetPrice().isPresent()) {
            int i = indexOf(legs, OrderLeg.TAKE_PROFIT);
            OrderView v = withPrice(legs.get(i), change.targetPrice().getAsDouble(), legs.get(i).quantity());
            legs.set(i, v);
            sink.accept(new OrderEvent.Modified(ref, OrderLeg.TAKE_PROFIT, v.brokerOrderId(), v.limitOrStopPrice(),
                    v.quantity(), now));
        }
        return Optional.empty();
    }

    /** Places a closing order after cutting the bracket's legs; returns the refusal reason, if any. */
    Optional<String> close(CloseOrder c, Instant now, Consumer<OrderEvent> sink) {
        Position p = positions.get(c.symbol());
        long open = p == null ? 0 : p.quantity() * c.positionDirection().sign();
        if (open < c.quantity()) {
            return Optional.of("the position in " + c.symbol() + " is " + Math.max(0, open) + " shares "
                    + c.positionDirection().wire() + ", less than " + c.quantity());
        }
        if (c.bracketRef().isPresent()) {
            List<OrderView> legs = orders.get(c.bracketRef().get());
            if (legs == null) {
                return Optional.of("no bracket with ref " + c.bracketRef().get());
            }
            cut(c.bracketRef().get(), legs, c.quantity(), c.closeRef(), now, sink);
        }
        double level = c.limitPrice().orElse(0);
        OrderView leg = new OrderView(newId(), c.closeRef(), OrderLeg.CLOSE, c.symbol(), c.positionDirection(),
                c.quantity(), level, OrderState.WORKING, 0, 0);
        orders.put(c.closeRef(), new ArrayList<>(List.of(leg)));
        sink.accept(new OrderEvent.Working(c.closeRef(), OrderLeg.CLOSE, leg.brokerOrderId(), now));
        Double price = lastPrice.getOrDefault(c.symbol(), p.marketPrice() > 0 ? p.marketPrice() : p.averageCost());
        OptionalDouble at = executionPrice(leg, price);
        if (at.isPresent()) {
            fill(c.closeRef(), OrderLeg.CLOSE, at.getAsDouble(), now, sink);
        }
        return Optional.empty();
    }

    /** Reduces the bracket's working protective legs by {@code quantity}, cancelling those left with nothing. */
    private static void cut(String ref, List<OrderView> legs, long quantity, String by, Instant now,
            Consumer<OrderEvent> sink) {
        for (int i = 0; i < legs.size(); i++) {
            OrderView v = legs.get(i);
            if (!v.leg().protective() || v.state().done()) {
                continue;
            }
            long left = v.quantity() - quantity;
            if (left <= 0) {
                legs.set(i, with(v, OrderState.CANCELLED, 0, 0));
                sink.accept(new OrderEvent.Cancelled(ref, v.leg(), v.brokerOrderId(), "cancelled with close " + by,
                        now));
            } else {
                legs.set(i, withPrice(v, v.limitOrStopPrice(), left));
                sink.accept(new OrderEvent.Modified(ref, v.leg(), v.brokerOrderId(), v.limitOrStopPrice(), left, now));
            }
        }
    }

    /** A stand-alone stop, working at once. */
    OrderView protect(StopOrder s, Instant now, Consumer<OrderEvent> sink) {
        OrderView leg = new OrderView(newId(), s.ref(), OrderLeg.STOP_LOSS, s.symbol(), s.positionDirection(),
                s.quantity(), s.stopPrice(), OrderState.WORKING, 0, 0);
        orders.put(s.ref(), new ArrayList<>(List.of(leg)));
        sink.accept(new OrderEvent.Working(s.ref(), OrderLeg.STOP_LOSS, leg.brokerOrderId(), now));
        return leg;
    }

    /** Knows a bracket as if it had been submitted before. */
    void know(BracketOrder o) {
        add(o);
    }

    private void move(String symbol, long signed, double price) {
        Position old = positions.get(symbol);
        long before = old == null ? 0 : old.quantity();
        long after = before + signed;
        double avg = old == null || Long.signum(before) != Long.signum(signed) ? price
                : (old.averageCost() * Math.abs(before) + price * Math.abs(signed)) / Math.abs(after);
        if (old != null && Long.signum(before) != Long.signum(signed) && Long.signum(after) == Long.signum(before)) {
            avg = old.averageCost();
        }
        setPosition(new Position(symbol, after, avg, price, (price - avg) * after, 0));
    }

    private String newId() {
        return "fb-" + ids.incrementAndGet();
    }

    private List<OrderView> require(String ref) {
        List<OrderView> legs = orders.get(ref);
        if (legs == null) {
            throw new IllegalArgumentException("no order with ref " + ref);
        }
        return legs;
    }

    private static int indexOf(List<OrderView> legs, OrderLeg leg) {
        for (int i = 0; i < legs.size(); i++) {
            if (legs.get(i).leg() == leg) {
                return i;
            }
        }
        throw new IllegalArgumentException("no " + leg.wire() + " leg");
    }

    private static OrderView with(OrderView v, OrderState state, long filled, double avg) {
        return new OrderView(v.brokerOrderId(), v.orderRef(), v.leg(), v.symbol(), v.direction(), v.quantity(),
                v.limitOrStopPrice(), state, filled, avg, v.trailing());
    }

    private static OrderView withPrice(OrderView v, double price, long quantity) {
        return new OrderView(v.brokerOrderId(), v.orderRef(), v.leg(), v.symbol(), v.direction(), quantity, price,
                v.state(), v.filledQuantity(), v.averageFillPrice(), v.trailing());
    }

    private static OrderView withTrailing(OrderView v, Optional<TrailingStop> trailing) {
        return new OrderView(v.brokerOrderId(), v.orderRef(), v.leg(), v.symbol(), v.direction(), v.quantity(),
                v.limitOrStopPrice(), v.state(), v.filledQuantity(), v.averageFillPrice(), trailing);
    }
}
