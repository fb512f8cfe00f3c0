package tech.brokerbridge.ibkr.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import tech.brokerbridge.ibkr.internal.error.GatewayException;
import tech.brokerbridge.ibkr.internal.msg.Contract;
import tech.brokerbridge.ibkr.internal.msg.Outbound;
import tech.brokerbridge.ibkr.internal.msg.Outbound.PlaceOrder;
import tech.brokerbridge.ibkr.internal.order.BracketAck;
import tech.brokerbridge.ibkr.internal.order.ChangePlanner;
import tech.brokerbridge.ibkr.internal.order.LegInfo;
import tech.brokerbridge.ibkr.internal.order.OrderTracker;
import tech.brokerbridge.ports.broker.CloseOrder;
import tech.brokerbridge.ports.broker.ModifyResult;
import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.broker.OrderState;
import tech.brokerbridge.ports.broker.OrderView;
import tech.brokerbridge.ports.broker.PlaceResult;
import tech.brokerbridge.ports.broker.Position;
import tech.brokerbridge.ports.broker.ProtectionChange;
import tech.brokerbridge.ports.broker.StopOrder;
import tech.brokerbridge.ports.market.Direction;

/**
 * The TradeControl part of {@link IbkrBroker}. Every call sends under the broker's submit lock (so a
 * close and a submission never interleave) and waits, at most the request timeout per message, for
 * IB's answer. A close first cuts (a modification to the shares left) or cancels the bracket's stop
 * and target and waits for each to be done; if one of them filled meanwhile (10148, or a Filled
 * status) nothing is closed, since the position already changed. Then the opposite order goes out.
 */
final class IbkrTradeControl {
    private final GatewayLink link;
    private final OrderTracker tracker;
    private final ClientSettings settings;
    private final Object submitLock;
    private final Supplier<List<Position>> positions;

    IbkrTradeControl(GatewayLink link, OrderTracker tracker, ClientSettings settings, Object submitLock,
            Supplier<List<Position>> positions) {
        this.link = link;
        this.tracker = tracker;
        this.settings = settings;
        this.submitLock = submitLock;
        this.positions = positions;
    }

    ModifyResult modify(String ref, ProtectionChange change) {
        synchronized (submitLock) {
            ready();
            List<LegInfo> legs = tracker.legsOf(ref);
            Optional<LegInfo> stop = leg(legs, OrderLeg.STOP_LOSS);
            Optional<LegInfo> target = leg(legs, OrderLeg.TAKE_PROFIT);
            if (stop.isEmpty() || target.isEmpty()) {
                return new ModifyResult.Refused(ref, "IB holds no bracket " + ref);
            }
            List<PlaceOrder> sends = new ArrayList<>();
            if (change.stopPrice().isPresent()) {
                if (!stop.get().modifiable()) {
                    return new ModifyResult.Refused(ref, "its stop loss is " + stop.get().state().wire());
                }
                sends.add(ChangePlanner.stop(stop.get(), change.stopPrice().getAsDouble(), change.trailing()));
            }
            if (change.targetPrice().isPresent()) {
                if (!target.get().modifiable()) {
                    return new ModifyResult.Refused(ref, "its take profit is " + target.get().state().wire());
                }
                sends.add(ChangePlanner.target(target.get(), change.targetPrice().getAsDouble()));
            }
            for (PlaceOrder p : sends) {
                Optional<String> refused = modifyOne(p);
                if (refused.isPresent()) {
                    return new ModifyResult.Refused(ref, refused.get());
                }
            }
            return new ModifyResult.Modified(ref, tracker.byRef(ref));
        }
    }

    PlaceResult close(CloseOrder c) {
        synchronized (submitLock) {
            ready();
            String ref = c.closeRef();
            if (tracker.knows(ref)) {
                return new PlaceResult.Rejected(ref, "the gateway already holds an order with this ref; nothing was sent",
                        true);
            }
            long open = positions.get().stream().filter(p -> p.symbol().equals(c.symbol()))
                    .mapToLong(Position::quantity).sum() * c.positionDirection().sign();
            if (open < c.quantity()) {
                return new PlaceResult.Rejected(ref, "the " + c.positionDirection().wire() + " position in "
                        + c.symbol() + " is " + Math.max(0, open) + " shares, fewer than the " + c.quantity()
                        + " to close", false);
            }
            if (c.bracketRef().isPresent()) {
                List<LegInfo> legs = tracker.legsOf(c.bracketRef().get());
                Optional<LegInfo> entry = leg(legs, OrderLeg.ENTRY);
                if (entry.isEmpty() || entry.get().filled() == 0) {
                    return new PlaceResult.Rejected(ref, "IB holds no filled bracket " + c.bracketRef().get(), false);
                }
                Optional<String> refused = cut(legs, c.quantity());
                if (refused.isPresent()) {
                    return new PlaceResult.Rejected(ref, refused.get() + "; nothing was closed", false);
                }
            }
            Contract contract = Contract.stock(c.symbol(), settings.exchange(), settings.currency());
            PlaceOrder order = ChangePlanner.close(c, link.allocateOrderIds(1), contract, link.selectedAccount());
            return place(order, OrderLeg.CLOSE, c.symbol(), c.positionDirection(), c.bracketRef().isPresent()
                    ? "; its bracket's stop and target were cut already: re-arm a stop" : "");
        }
    }

    PlaceResult protect(StopOrder s) {
        synchronized (submitLock) {
            ready();
            if (tracker.knows(s.ref())) {
                return new PlaceResult.Rejected(s.ref(), "the gateway already holds an order with this ref;"
                        + " nothing was sent", true);
            }
            Contract contract = Contract.stock(s.symbol(), settings.exchange(), settings.currency());
            PlaceOrder order = ChangePlanner.stop(s, link.allocateOrderIds(1), contract, link.selectedAccount());
            return place(order, OrderLeg.STOP_LOSS, s.symbol(), s.positionDirection(), "");
        }
    }

    /** Cuts the working stop and target by {@code quantity}; the reason when one could not be. */
    private Optional<String> cut(List<LegInfo> legs, long quantity) {
        for (LegInfo leg : legs) {
            if (!leg.leg().protective() || leg.state().done()) {
                continue;
            }
            long left = leg.quantity() - leg.filled() - quantity;
            Optional<String> refused;
            if (left <= 0) {
                CompletableFuture<Optional<String>> answer = tracker.awaitCancel(leg.orderId());
                link.send(new Outbound.CancelOrder(leg.orderId()));
                refused = Requests.await(answer, timeout(), "cancel of order " + leg.orderId());
            } else if (!leg.modifiable()) {
                refused = Optional.of("the " + leg.leg().wire() + " cannot be cut: IB has not reported its order");
            } else {
                refused = modifyOne(ChangePlanner.quantity(leg, left));
            }
            if (refused.isPresent()) {
                return Optional.of("the " + leg.leg().wire() + " could not be cut (" + refused.get()
                        + "): the position changed meanwhile");
            }
        }
        return Optional.empty();
    }

    private Optional<String> modifyOne(PlaceOrder p) {
        CompletableFuture<Optional<String>> answer = tracker.awaitModification(p.orderId());
        link.send(p);
        return Requests.await(answer, timeout(), "modification of order " + p.orderId());
    }

    private PlaceResult place(PlaceOrder order, OrderLeg kind, String symbol, Direction side, String onRefusal) {
        String ref = order.order().orderRef();
        CompletableFuture<BracketAck.Outcome> ack = tracker.expect(List.of(order), new OrderLeg[] {kind}, symbol, side,
                BracketAck.Rule.UNLESS_REFUSED);
        BracketAck.Outcome outcome;
        try {
            link.sendAll(List.of(order));
            outcome = Requests.await(ack, timeout(), "acknowledgement of " + ref);
        } catch (GatewayException e) {
            tracker.settle(ref, true);
            throw new GatewayException(e.reason(), e.getMessage() + "; the gateway may hold " + ref
                    + ": ordersByRef tells once reconnected");
        }
        if (!BracketAck.Rule.UNLESS_REFUSED.accepts(outcome)) {
            tracker.settle(ref, false);
            return new PlaceResult.Rejected(ref, outcome.reason() + onRefusal, false);
        }
        tracker.settle(ref, true);
        OrderState state = tracker.byRef(ref).stream().map(OrderView::state).findFirst().orElse(OrderState.PENDING);
        return new PlaceResult.Accepted(ref, Integer.toString(order.orderId()), state);
    }

    private static Optional<LegInfo> leg(List<LegInfo> legs, OrderLeg kind) {
        return legs.stream().filter(l -> l.leg() == kind).findFirst();
    }

    private void ready() {
        link.awaitReady(timeout());
    }

    private Duration timeout() {
        return settings.requestTimeout();
    }
}
