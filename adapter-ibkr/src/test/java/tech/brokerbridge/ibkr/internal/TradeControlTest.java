package tech.brokerbridge.ibkr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ibkr.internal.msg.Inbound;
import tech.brokerbridge.ibkr.internal.msg.Outbound;
import tech.brokerbridge.ports.broker.BracketOrder;
import tech.brokerbridge.ports.broker.CloseOrder;
import tech.brokerbridge.ports.broker.ModifyResult;
import tech.brokerbridge.ports.broker.OrderEvent;
import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.broker.OrderState;
import tech.brokerbridge.ports.broker.OrderView;
import tech.brokerbridge.ports.broker.PlaceResult;
import tech.brokerbridge.ports.broker.ProtectionChange;
import tech.brokerbridge.ports.broker.TrailingStop;
import tech.brokerbridge.ports.market.Direction;

/**
 * Looking after a trade at IB, on the wire of the fake gateway: a modification is placeOrder again
 * with the same id (answered by openOrder and orderStatus at the new levels), a trailing stop is a
 * TRAIL order, a refused modification (104) leaves the order as it was, a close cuts the children
 * first and gives up when IB says one of them filled meanwhile (10148), a close is a DAY market order
 * tagged with its own ref, and partial fills add up.
 */
class TradeControlTest extends ConnectedRigTest {
    /** A long bracket of 10 AAPL, entry filled at 99, stop 95, target 105. */
    private List<OrderView> filledLong(String ref) {
        rig.broker.submitBracket(new BracketOrder(ref, "AAPL", Direction.LONG, 10, 99, 95, 105));
        rig.gw.marketTradesAt("AAPL", 99.0);
        rig.events.await(e -> e instanceof OrderEvent.Filled f && f.orderRef().equals(ref) && f.complete(), 1);
        return rig.broker.ordersByRef(ref);
    }

    @Test
    void aModificationIsPlaceOrderAgainWithTheSameIdAndIbAnswersAtTheNewLevel() {
        int stopId = Integer.parseInt(filledLong("prop-m").get(1).brokerOrderId());
        assertInstanceOf(ModifyResult.Modified.class, rig.broker.modify("prop-m", ProtectionChange.stop(97.123)));
        List<Outbound.PlaceOrder> sent = rig.gw.placedOrders().stream().filter(p -> p.orderId() == stopId).toList();
        assertEquals(2, sent.size(), "the stop was placed, then placed again with its id");
        Outbound.PlaceOrder again = sent.get(1);
        assertEquals("STP", again.order().orderType());
        assertEquals(97.12, again.order().auxPrice(), 1e-9, "on the cent tick");
        assertEquals(10, again.order().totalQuantity(), 1e-9);
        assertEquals(sent.get(0).order().parentId(), again.order().parentId(), "still the entry's child");
        assertTrue(again.order().transmit());
        OrderEvent.Modified m = (OrderEvent.Modified) rig.events.await(e -> e instanceof OrderEvent.Modified, 1).get(0);
        assertEquals(OrderLeg.STOP_LOSS, m.leg());
        assertEquals(97.12, m.price(), 1e-9, "the level IB reported back in openOrder");
        assertEquals(97.12, rig.broker.ordersByRef("prop-m").get(1).limitOrStopPrice(), 1e-9);
    }

    @Test
    void aTrailingStopIsATrailOrderStartingAtItsStop() {
        int stopId = Integer.parseInt(filledLong("prop-t").get(1).brokerOrderId());
        rig.broker.modify("prop-t", ProtectionChange.trailing(TrailingStop.percent(2.5), 96.5));
        Outbound.PlaceOrder trail = rig.gw.placedOrders().stream().filter(p -> p.orderId() == stopId)
                .reduce((a, b) -> b).orElseThrow();
        assertEquals("TRAIL", trail.order().orderType());
        assertEquals(2.5, trail.order().trailingPercent(), 1e-9);
        assertEquals(96.5, trail.order().trailStopPrice(), 1e-9);
        assertEquals(Double.MAX_VALUE, trail.order().auxPrice(), "no trailing amount with a percent");
        assertEquals(Optional.of(TrailingStop.percent(2.5)), rig.broker.ordersByRef("prop-t").get(1).trailing());
    }

    @Test
    void aModificationOfAFilledLegIsRefusedWith104AndChangesNothing() {
        int stopId = Integer.parseInt(filledLong("prop-r").get(1).brokerOrderId());
        rig.gw.override = m -> m instanceof Outbound.PlaceOrder p && p.orderId() == stopId
                ? List.of(new Inbound.ErrorMessage(stopId, 104, "Can't modify a filled order.", "")) : null;
        ModifyResult.Refused r = assertInstanceOf(ModifyResult.Refused.class,
                rig.broker.modify("prop-r", ProtectionChange.stop(97.0)));
        assertTrue(r.reason().contains("104"), r.reason());
        OrderView stop = rig.broker.ordersByRef("prop-r").get(1);
        assertEquals(OrderState.WORKING, stop.state(), "a refused modification does not reject the order");
        assertEquals(95.0, stop.limitOrStopPrice(), 1e-9);
    }

    @Test
    void aCloseCutsTheChildrenFirstThenSendsADayMarketOrderTaggedWithItsRef() {
        List<OrderView> legs = filledLong("prop-c");
        PlaceResult.Accepted a = assertInstanceOf(PlaceResult.Accepted.class, rig.broker.close(new CloseOrder(
                "cls-000000000001", Optional.of("prop-c"), "AAPL", Direction.LONG, 10, OptionalDouble.empty())));
        List<Outbound> wire = rig.gw.received.stream().filter(m -> m instanceof Outbound.CancelOrder
                || m instanceof Outbound.PlaceOrder p && p.order().orderRef().equals("cls-000000000001")).toList();
        assertEquals(3, wire.size(), "cancel stop, cancel target, then the close: " + wire);
        assertEquals(Integer.parseInt(legs.get(1).brokerOrderId()), ((Outbound.CancelOrder) wire.get(0)).orderId());
        assertEquals(Integer.parseInt(legs.get(2).brokerOrderId()), ((Outbound.CancelOrder) wire.get(1)).orderId());
        Outbound.PlaceOrder close = (Outbound.PlaceOrder) wire.get(2);
        assertEquals("MKT", close.order().orderType());
        assertEquals("SELL", close.order().action());
        assertEquals("DAY", close.order().tif());
        assertEquals(0, close.order().parentId());
        assertEquals(Integer.toString(close.orderId()), a.brokerOrderId());
        rig.events.await(e -> e instanceof OrderEvent.Filled f && f.leg() == OrderLeg.CLOSE, 1);
        rig.events.await(e -> e instanceof OrderEvent.Commission c && c.leg() == OrderLeg.CLOSE, 1);
    }

    @Test
    void whenIbSaysTheStopFilledMeanwhile10148NothingIsClosed() {
        int stopId = Integer.parseInt(filledLong("prop-x").get(1).brokerOrderId());
        rig.gw.override = m -> m instanceof Outbound.CancelOrder c && c.orderId() == stopId
                ? List.of(new Inbound.ErrorMessage(stopId, 10148, "OrderId " + stopId
                        + " that needs to be cancelled cannot be cancelled, state: Filled.", "")) : null;
        PlaceResult.Rejected r = assertInstanceOf(PlaceResult.Rejected.class, rig.broker.close(new CloseOrder(
                "cls-000000000002", Optional.of("prop-x"), "AAPL", Direction.LONG, 10, OptionalDouble.empty())));
        assertTrue(r.reason().contains("10148") && r.reason().contains("nothing was closed"), r.reason());
        assertFalse(rig.gw.placedOrders().stream().anyMatch(p -> p.order().orderRef().equals("cls-000000000002")),
                "no closing order was sent");
    }

    @Test
    void partialFillsAddUpAndTheChildrenWaitForTheWholeEntry() {
        rig.gw.maxFillPerTrade = 4;
        rig.broker.submitBracket(new BracketOrder("prop-p", "AAPL", Direction.LONG, 10, 99, 95, 105));
        rig.gw.marketTradesAt("AAPL", 99.0);
        OrderEvent.Filled first = (OrderEvent.Filled) rig.events.await(e -> e instanceof OrderEvent.Filled, 1).get(0);
        assertEquals(4, first.filledQuantity());
        assertFalse(first.complete());
        OrderView entry = rig.broker.ordersByRef("prop-p").get(0);
        assertEquals(OrderState.WORKING, entry.state());
        assertEquals(4, entry.filledQuantity());
        assertEquals(OrderState.PENDING, rig.broker.ordersByRef("prop-p").get(1).state(), "the stop waits");
        rig.gw.marketTradesAt("AAPL", 98.9);
        rig.gw.marketTradesAt("AAPL", 98.8);
        List<OrderEvent> fills = rig.events.await(e -> e instanceof OrderEvent.Filled, 3);
        assertEquals(10, fills.stream().mapToLong(e -> ((OrderEvent.Filled) e).filledQuantity()).sum());
        assertTrue(((OrderEvent.Filled) fills.get(2)).complete());
        assertEquals(OrderState.WORKING, rig.broker.ordersByRef("prop-p").get(1).state(), "the stop works now");
        rig.events.await(e -> e instanceof OrderEvent.Commission c && c.leg() == OrderLeg.ENTRY, 3);
    }
}
