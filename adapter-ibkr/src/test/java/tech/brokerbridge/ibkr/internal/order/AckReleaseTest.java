package tech.brokerbridge.ibkr.internal.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ibkr.internal.error.ErrorKind;
import tech.brokerbridge.ibkr.internal.msg.Contract;
import tech.brokerbridge.ibkr.internal.msg.Inbound;
import tech.brokerbridge.ibkr.internal.msg.Outbound.PlaceOrder;
import tech.brokerbridge.ports.broker.BracketOrder;
import tech.brokerbridge.ports.broker.OrderEvent;
import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.market.Direction;
import tech.brokerbridge.ports.market.MarketSession;

/**
 * When an order's held events go out: an accepted bracket's as soon as it is acknowledged (on the
 * reader thread, before the submitter settles), a refused one's never. The tracker is driven
 * directly, as the reader thread drives it; waits are bounded.
 */
class AckReleaseTest {
    private static final OrderLeg[] LEGS = {OrderLeg.ENTRY, OrderLeg.STOP_LOSS, OrderLeg.TAKE_PROFIT};
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T15:00:00Z"), ZoneOffset.UTC);
    private final EventBus bus = new EventBus();
    private final OrderTracker tracker = new OrderTracker(bus, CLOCK);
    private final BlockingQueue<OrderEvent> heard = new LinkedBlockingQueue<>();

    AckReleaseTest() {
        bus.subscribe(heard::add);
    }

    @AfterEach
    void close() {
        bus.close();
    }

    @Test
    void anAcknowledgedBracketsEventsGoOutBeforeTheSubmitterSettles() throws Exception {
        List<PlaceOrder> legs = bracket("p-1", 10);
        CompletableFuture<BracketAck.Outcome> ack = tracker.expect(legs, LEGS, "AAPL", Direction.LONG,
                BracketAck.Rule.UNLESS_UNKNOWN_CONTRACT);
        answerAll(legs);
        assertTrue(ack.isDone());
        List<OrderEvent> events = take(3);
        assertEquals(List.of("10", "11", "12"), events.stream().map(e -> ((OrderEvent.Working) e).brokerOrderId())
                .toList());
        assertEquals(3, tracker.openOrders().stream().filter(v -> v.orderRef().equals("p-1")).count(),
                "acknowledged legs are open orders at once");
        tracker.settle("p-1", true); // nothing left to publish: no event twice
        assertNoEventsBefore(sentinel());
    }

    @Test
    void aRefusedSingleOrderPublishesNothing() throws Exception {
        PlaceOrder stop = bracket("close-1", 20).get(1);
        var ack = sendAndRefuse(List.of(stop), new OrderLeg[] {OrderLeg.STOP_LOSS}, BracketAck.Rule.UNLESS_REFUSED,
                ErrorKind.ORDER_REJECTED, 201, "Order rejected");
        assertRefusedQuietly("close-1", BracketAck.Rule.UNLESS_REFUSED, ack);
    }

    @Test
    void aBracketForAnUnknownContractPublishesNothingAndIsForgotten() throws Exception {
        var ack = sendAndRefuse(bracket("p-2", 30), LEGS, BracketAck.Rule.UNLESS_UNKNOWN_CONTRACT,
                ErrorKind.UNKNOWN_CONTRACT, 200, "No security definition has been found");
        assertTrue(ack.join().unknownContract());
        assertRefusedQuietly("p-2", BracketAck.Rule.UNLESS_UNKNOWN_CONTRACT, ack);
    }

    @Test
    void aRejectedEntryIsStillReportedAsAnEventOfTheAcceptedBracket() throws Exception {
        sendAndRefuse(bracket("p-3", 40), LEGS, BracketAck.Rule.UNLESS_UNKNOWN_CONTRACT, ErrorKind.ORDER_REJECTED,
                201, "Order rejected - reason:Insufficient buying power");
        OrderEvent e = take(1).get(0);
        assertInstanceOf(OrderEvent.Rejected.class, e);
        assertEquals("p-3", e.orderRef());
    }

    /** Expects the orders, then the gateway refuses the first: that settles the acknowledgement. */
    private CompletableFuture<BracketAck.Outcome> sendAndRefuse(List<PlaceOrder> orders, OrderLeg[] kinds,
            BracketAck.Rule rule, ErrorKind kind, int code, String text) {
        CompletableFuture<BracketAck.Outcome> ack = tracker.expect(orders, kinds, "AAPL", Direction.LONG, rule);
        tracker.onOrderError(orders.get(0).orderId(), kind, code, text);
        assertTrue(ack.isDone(), "a refused first leg settles the acknowledgement");
        return ack;
    }

    /** The rule refuses the outcome; settled as refused, nothing was published and the ref is forgotten. */
    private void assertRefusedQuietly(String ref, BracketAck.Rule rule, CompletableFuture<BracketAck.Outcome> ack)
            throws InterruptedException {
        assertFalse(rule.accepts(ack.join()));
        tracker.settle(ref, false);
        assertNoEventsBefore(sentinel());
        assertFalse(tracker.knows(ref));
    }

    /** A bracket with its legs answered, as a sentinel: its events come after anything published before. */
    private String sentinel() {
        List<PlaceOrder> legs = bracket("sentinel", 90);
        tracker.expect(legs, LEGS, "AAPL", Direction.LONG, BracketAck.Rule.UNLESS_UNKNOWN_CONTRACT);
        answerAll(legs);
        return "sentinel";
    }

    private void assertNoEventsBefore(String sentinelRef) throws InterruptedException {
        OrderEvent next = heard.poll(5, TimeUnit.SECONDS);
        assertNotNull(next, "the sentinel's events never came");
        assertEquals(sentinelRef, next.orderRef(), "an event was published before the sentinel's: " + next);
    }

    private List<OrderEvent> take(int n) throws InterruptedException {
        List<OrderEvent> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            OrderEvent e = heard.poll(5, TimeUnit.SECONDS);
            assertNotNull(e, "event " + (i + 1) + " of " + n + " never came (held until settle?)");
            out.add(e);
        }
        return out;
    }

    private void answerAll(List<PlaceOrder> legs) {
        for (PlaceOrder p : legs) {
            var o = p.order();
            String status = o.parentId() == 0 ? "Submitted" : "PreSubmitted";
            tracker.onOpenOrder(new Inbound.OpenOrder(p.orderId(), p.contract(), o.action(), o.totalQuantity(),
                    o.orderType(), o.lmtPrice(), o.auxPrice(), o.tif(), "", o.account(), o.orderRef(), 1, 0L,
                    o.parentId(), status, "", Double.MAX_VALUE, Double.MAX_VALUE));
            tracker.onOrderStatus(new Inbound.OrderStatus(p.orderId(), status, 0, o.totalQuantity(), 0, 0L,
                    o.parentId(), 0, 1, "", 0));
        }
    }

    private static List<PlaceOrder> bracket(String ref, int parentId) {
        BracketOrder b = new BracketOrder(ref, "AAPL", Direction.LONG, 10, 100.0, 95.0, 110.0);
        return BracketPlanner.plan(b, parentId, Contract.stock("AAPL", "SMART", "USD"), "DU1234567",
                new MarketSession.Open(Instant.parse("2026-03-02T21:00:00Z")));
    }
}
