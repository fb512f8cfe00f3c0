package tech.brokerbridge.ibkr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ibkr.fake.FakeGateway;
import tech.brokerbridge.ibkr.fake.Rig;
import tech.brokerbridge.ibkr.internal.msg.Outbound;
import tech.brokerbridge.ports.broker.BracketOrder;
import tech.brokerbridge.ports.broker.OrderEvent;
import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.broker.OrderState;
import tech.brokerbridge.ports.broker.OrderView;
import tech.brokerbridge.ports.broker.SubmitResult;
import tech.brokerbridge.ports.market.Direction;

class BracketOrderTest {
    private Rig rig;

    @BeforeEach
    void start() throws Exception {
        rig = Rig.connected();
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    private static BracketOrder longAapl(String ref) {
        return new BracketOrder(ref, "AAPL", Direction.LONG, 100, 150.004, 145.0, 160.0);
    }

    @Test
    void aBracketIsLimitParentStopChildThenTransmittingTargetChild() {
        SubmitResult r = rig.broker.submitBracket(longAapl("prop-1"));
        SubmitResult.Accepted a = assertInstanceOf(SubmitResult.Accepted.class, r);
        List<Outbound.PlaceOrder> p = rig.gw.placedOrders();
        assertEquals(3, p.size());
        Outbound.PlaceOrder entry = p.get(0);
        Outbound.PlaceOrder stop = p.get(1);
        Outbound.PlaceOrder target = p.get(2);
        assertEquals(List.of(Integer.toString(entry.orderId()), Integer.toString(stop.orderId()),
                Integer.toString(target.orderId())), a.brokerOrderIds());
        assertEquals("LMT", entry.order().orderType());
        assertEquals("BUY", entry.order().action());
        assertEquals(150.0, entry.order().lmtPrice(), "rounded to the cent");
        assertFalse(entry.order().transmit());
        assertEquals(0, entry.order().parentId());
        assertEquals("STP", stop.order().orderType());
        assertEquals("SELL", stop.order().action());
        assertEquals(145.0, stop.order().auxPrice());
        assertFalse(stop.order().transmit());
        assertEquals(entry.orderId(), stop.order().parentId());
        assertEquals("LMT", target.order().orderType());
        assertEquals("SELL", target.order().action());
        assertEquals(160.0, target.order().lmtPrice());
        assertTrue(target.order().transmit());
        assertEquals(entry.orderId(), target.order().parentId());
        for (Outbound.PlaceOrder o : p) {
            assertEquals("prop-1", o.order().orderRef());
            assertEquals(100.0, o.order().totalQuantity());
            assertEquals("DU1234567", o.order().account());
            assertEquals("", o.order().ocaGroup(), "children of one parent are OCA at IB");
        }
        rig.events.await(e -> e instanceof OrderEvent.Working, 3);
        List<OrderView> open = rig.broker.openOrders();
        assertEquals(3, open.size());
        assertEquals(OrderState.WORKING, open.get(0).state());
        assertEquals(OrderState.PENDING, open.get(1).state(), "children are held until the parent fills");
        assertEquals(OrderLeg.STOP_LOSS, open.get(1).leg());
        assertEquals(145.0, open.get(1).limitOrStopPrice());
    }

    @Test
    void aShortBracketReversesTheSides() {
        rig.broker.submitBracket(new BracketOrder("s-1", "AAPL", Direction.SHORT, 5, 150.0, 155.0, 140.0));
        List<Outbound.PlaceOrder> p = rig.gw.placedOrders();
        assertEquals(List.of("SELL", "BUY", "BUY"), p.stream().map(o -> o.order().action()).toList());
    }

    @Test
    void aFilledBracketReportsWorkingThenFilledAndTheTargetWorks() {
        rig.gw.behaviour.put("AAPL", FakeGateway.Behaviour.FILL_ENTRY);
        rig.broker.submitBracket(longAapl("prop-2"));
        OrderEvent.Filled fill = (OrderEvent.Filled) rig.events.await(e -> e instanceof OrderEvent.Filled, 1).get(0);
        assertEquals(OrderLeg.ENTRY, fill.leg());
        assertEquals(100, fill.filledQuantity());
        assertEquals(150.0, fill.price());
        assertTrue(fill.complete());
        assertEquals("AAPL", fill.symbol());
        List<OrderEvent> all = rig.events.all();
        int working = indexOf(all, OrderEvent.Working.class, OrderLeg.ENTRY);
        assertTrue(working >= 0 && working < all.indexOf(fill), "Working before Filled: " + all);
        List<OrderView> legs = rig.broker.ordersByRef("prop-2");
        assertEquals(OrderState.FILLED, legs.get(0).state());
        assertEquals(100, legs.get(0).filledQuantity());
        assertEquals("PreSubmitted", rig.gw.statusOf(Integer.parseInt(legs.get(1).brokerOrderId())),
                "IB holds the stop until it triggers");
        assertEquals(OrderState.WORKING, legs.get(1).state(), "held at IB, the stop is active once the entry filled");
        assertEquals(OrderState.WORKING, legs.get(2).state(), "the target works");
    }

    @Test
    void whenTheTargetFillsTheStopIsCancelledOneCancelsOther() {
        rig.gw.behaviour.put("AAPL", FakeGateway.Behaviour.FILL_ENTRY_AND_TARGET);
        rig.broker.submitBracket(longAapl("prop-3"));
        rig.events.await(e -> e instanceof OrderEvent.Filled, 2);
        OrderEvent.Cancelled c = (OrderEvent.Cancelled) rig.events.await(e -> e instanceof OrderEvent.Cancelled, 1)
                .get(0);
        assertEquals(OrderLeg.STOP_LOSS, c.leg());
        assertTrue(rig.broker.openOrders().isEmpty());
    }

    @Test
    void aRejectionArrivesAsRejectedEventWithIbsReason() {
        rig.gw.behaviour.put("AAPL", FakeGateway.Behaviour.REJECT);
        SubmitResult r = rig.broker.submitBracket(longAapl("prop-4"));
        assertInstanceOf(SubmitResult.Accepted.class, r, "IB created the orders, then rejected them");
        OrderEvent.Rejected rej = (OrderEvent.Rejected) rig.events.await(e -> e instanceof OrderEvent.Rejected, 1)
                .get(0);
        assertEquals(OrderLeg.ENTRY, rej.leg());
        assertEquals("prop-4", rej.orderRef());
        assertTrue(rej.reason().contains("201"), rej.reason());
        assertTrue(rej.reason().contains("Insufficient buying power"), rej.reason());
        assertEquals(1, rig.events.of(OrderEvent.Rejected.class).size(), "the Inactive status does not repeat it");
        assertEquals(OrderState.REJECTED, rig.broker.ordersByRef("prop-4").get(0).state());
    }

    @Test
    void anUnknownSymbolIsRefusedWithAClearReasonAndNoEvents() {
        SubmitResult r = rig.broker.submitBracket(new BracketOrder("prop-5", "ZZZZ", Direction.LONG, 1, 10, 9, 11));
        SubmitResult.Rejected rej = assertInstanceOf(SubmitResult.Rejected.class, r);
        assertFalse(rej.duplicate());
        assertTrue(rej.reason().contains("unknown symbol ZZZZ"), rej.reason());
        assertTrue(rej.reason().contains("200"), rej.reason());
        assertTrue(rig.broker.ordersByRef("prop-5").isEmpty());
        assertTrue(rig.events.of(OrderEvent.Rejected.class).isEmpty());
    }

    @Test
    void aKnownOrderRefIsNeverSentAgain() {
        rig.broker.submitBracket(longAapl("prop-6"));
        SubmitResult again = rig.broker.submitBracket(longAapl("prop-6"));
        SubmitResult.Rejected rej = assertInstanceOf(SubmitResult.Rejected.class, again);
        assertTrue(rej.duplicate());
        assertEquals(3, rig.gw.placedOrders().size());
    }

    @Test
    void cancelCancelsEveryLegThatIsNotDone() {
        rig.broker.submitBracket(longAapl("prop-7"));
        rig.events.await(e -> e instanceof OrderEvent.Working, 3);
        assertEquals(3, rig.broker.cancel("prop-7"));
        rig.events.await(e -> e instanceof OrderEvent.Cancelled, 3);
        assertTrue(rig.broker.openOrders().isEmpty());
        assertEquals(0, rig.broker.cancel("prop-7"));
        assertEquals(0, rig.broker.cancel("unknown-ref"));
    }

    @Test
    void openOrdersIncludeOrdersPlacedByAnotherSession() throws Exception {
        rig.broker.submitBracket(longAapl("prop-8"));
        rig.close();
        // a new adapter process (same gateway) learns the bracket through reconciliation
        FakeGateway gw = rig.gw;
        rig = Rig.connected(gw, s -> s);
        List<OrderView> open = rig.broker.openOrders();
        assertEquals(3, open.size());
        assertEquals(List.of(OrderLeg.ENTRY, OrderLeg.STOP_LOSS, OrderLeg.TAKE_PROFIT),
                open.stream().map(OrderView::leg).toList());
        assertEquals(Direction.LONG, open.get(1).direction());
        SubmitResult again = rig.broker.submitBracket(longAapl("prop-8"));
        assertTrue(assertInstanceOf(SubmitResult.Rejected.class, again).duplicate());
    }

    private static int indexOf(List<OrderEvent> events, Class<?> type, OrderLeg leg) {
        for (int i = 0; i < events.size(); i++) {
            if (type.isInstance(events.get(i)) && events.get(i).leg() == leg) {
                return i;
            }
        }
        return -1;
    }
}
