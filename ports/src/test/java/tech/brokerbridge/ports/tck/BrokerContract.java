package tech.brokerbridge.ports.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ports.broker.AccountSnapshot;
import tech.brokerbridge.ports.broker.BracketOrder;
import tech.brokerbridge.ports.broker.Broker;
import tech.brokerbridge.ports.broker.ConnectionStatus;
import tech.brokerbridge.ports.broker.OrderEvent;
import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.broker.OrderState;
import tech.brokerbridge.ports.broker.OrderView;
import tech.brokerbridge.ports.broker.Position;
import tech.brokerbridge.ports.broker.SubmitResult;
import tech.brokerbridge.ports.broker.TradingAccount;
import tech.brokerbridge.ports.market.Direction;

/**
 * The contract every {@link Broker} honours, real or fake: connection state that never blocks, sane
 * account figures, bracket submission that is idempotent by {@code orderRef}, order events in order
 * on a broker thread, the entry filling when the price trades through it, the stop loss and take
 * profit cancelling each other, cancel, and the order and position views that follow.
 *
 * <p>A rig of two hooks, kept small so a broker behind a protocol (a fake IB Gateway on loopback) can
 * implement them as easily as the paper broker: see {@link BrokerFixture}.
 */
public abstract class BrokerContract extends BrokerFixture {
    @Test
    void connectionStatusAnswersAtOnceAndSaysConnected() {
        ConnectionStatus status = assertTimeoutPreemptively(WAIT, () -> broker.connectionStatus());
        assertTrue(status.connected(), "a fresh broker is connected: " + status);
        assertFalse(status.message().isBlank(), "connection status has a message");
    }

    @Test
    void accountFiguresAreSane() {
        AccountSnapshot a = broker.account();
        assertTrue(a.currency().matches("[A-Z]{3}"), "currency is an ISO code: " + a.currency());
        assertTrue(a.netLiquidation() > 0 && Double.isFinite(a.netLiquidation()), "net liquidation positive");
        for (double v : new double[] {a.cash(), a.buyingPower(), a.availableFunds(), a.unrealizedPnl(),
                a.realizedPnlToday(), a.dailyPnl()}) {
            assertTrue(Double.isFinite(v), "finite account figures: " + a);
        }
        assertTrue(a.buyingPower() >= QUANTITY * REFERENCE_PRICE, "buying power for the test brackets: " + a);
        assertTrue(a.availableFunds() <= a.netLiquidation() + 1e-6, "available funds within net liquidation: " + a);
        assertNotNull(a.asOf());
    }

    @Test
    void aBracketIsAcceptedWithThreeLegIdsAndIsOpen() {
        String ref = newRef();
        SubmitResult.Accepted accepted = accept(broker.submitBracket(longBracket(ref)));
        assertEquals(ref, accepted.orderRef());
        List<String> ids = accepted.brokerOrderIds();
        assertEquals(3, ids.size(), "entry, stop loss and take profit ids");
        assertEquals(3, new HashSet<>(ids).size(), "distinct leg ids: " + ids);
        ids.forEach(id -> assertFalse(id.isBlank(), "blank leg id"));

        Map<OrderLeg, OrderView> legs = eventually(() -> legsOf(ref), m -> m.size() == 3, "three legs of " + ref);
        assertEquals(ids.get(0), legs.get(OrderLeg.ENTRY).brokerOrderId(), "entry id comes first");
        assertEquals(ids.get(1), legs.get(OrderLeg.STOP_LOSS).brokerOrderId(), "then the stop loss");
        assertEquals(ids.get(2), legs.get(OrderLeg.TAKE_PROFIT).brokerOrderId(), "then the take profit");
        OrderView entry = legs.get(OrderLeg.ENTRY);
        assertEquals(OrderState.WORKING, entry.state(), "an entry below the market works");
        assertEquals(Direction.LONG, entry.direction());
        assertEquals(symbol, entry.symbol());
        assertEquals(QUANTITY, entry.quantity());
        assertEquals(99.0, entry.limitOrStopPrice(), 1e-9);
        assertEquals(95.0, legs.get(OrderLeg.STOP_LOSS).limitOrStopPrice(), 1e-9);
        assertEquals(105.0, legs.get(OrderLeg.TAKE_PROFIT).limitOrStopPrice(), 1e-9);
        for (OrderView child : List.of(legs.get(OrderLeg.STOP_LOSS), legs.get(OrderLeg.TAKE_PROFIT))) {
            assertFalse(child.state().done(), "children wait while the entry works: " + child);
        }
        assertEquals(3, openLegsOf(ref), "all three legs are open orders");
    }

    @Test
    void aKnownOrderRefIsRejectedAsDuplicateAndNothingIsSent() {
        String ref = newRef();
        accept(broker.submitBracket(longBracket(ref)));
        BracketOrder again = new BracketOrder(ref, symbol, Direction.LONG, QUANTITY, 98.0, 94.0, 104.0);
        SubmitResult.Rejected rejected = assertInstanceOf(SubmitResult.Rejected.class, broker.submitBracket(again));
        assertTrue(rejected.duplicate(), "rejected as duplicate: " + rejected);
        assertEquals(ref, rejected.orderRef());
        assertFalse(rejected.reason().isBlank(), "a reason");
        List<OrderView> legs = broker.ordersByRef(ref);
        assertEquals(3, legs.size(), "still one bracket: " + legs);
        assertEquals(99.0, legsOf(ref).get(OrderLeg.ENTRY).limitOrStopPrice(), 1e-9, "the first bracket stands");
        assertEquals(3, openLegsOf(ref));
    }

    @Test
    void theEntryWorksThenFillsWhenThePriceTradesThroughIt() {
        String ref = newRef();
        SubmitResult.Accepted accepted = accept(broker.submitBracket(longBracket(ref)));
        marketTradesAt(symbol, 98.5);
        OrderEvent.Filled fill = events.await(OrderEvent.Filled.class, ref, OrderLeg.ENTRY, WAIT);
        eventually(() -> entryFilledQuantity(ref), q -> q == QUANTITY, "the entry filled in full");

        List<OrderEvent> seen = events.events(ref);
        int working = indexOf(seen, OrderEvent.Working.class, OrderLeg.ENTRY);
        int filled = indexOf(seen, OrderEvent.Filled.class, OrderLeg.ENTRY);
        assertTrue(working >= 0 && working < filled, "Working before Filled for the entry: " + seen);
        assertEquals(accepted.brokerOrderIds().get(0), fill.brokerOrderId());
        assertEquals(symbol, fill.symbol());
        assertFalse(fill.executionId().isBlank(), "an execution id");
        assertTrue(fill.price() <= 99.0 + 1e-9, "a buy limit fills at its limit or better: " + fill);
        long total = seen.stream().filter(e -> e instanceof OrderEvent.Filled f && f.leg() == OrderLeg.ENTRY)
                .mapToLong(e -> ((OrderEvent.Filled) e).filledQuantity()).sum();
        assertEquals(QUANTITY, total, "fills add up to the quantity");
        assertTrue(seen.stream().anyMatch(e -> e instanceof OrderEvent.Filled f && f.leg() == OrderLeg.ENTRY
                && f.complete()), "the last entry fill says complete");

        assertFalse(events.threads().contains(Thread.currentThread()), "events are not delivered on the caller's thread");
        assertEquals(1, events.maxConcurrentCalls(), "events are delivered one at a time");
    }

    @Test
    void aLongEntryFillOpensALongPosition() {
        OrderEvent.Filled fill = entryFilled(this::longBracket, 98.5);
        Position p = eventually(() -> position(), o -> o.isPresent() && o.get().quantity() == QUANTITY,
                "a long position of " + QUANTITY).orElseThrow();
        assertEquals(fill.price(), p.averageCost(), fill.price() * 0.01, "average cost near the fill price");
        assertTrue(p.marketPrice() > 0, "a market price");
    }

    @Test
    void aShortEntryFillOpensAShortPosition() {
        OrderEvent.Filled fill = entryFilled(this::shortBracket, 101.5);
        assertTrue(fill.price() >= 101.0 - 1e-9, "a sell limit fills at its limit or better: " + fill);
        eventually(() -> position(), o -> o.isPresent() && o.get().quantity() == -QUANTITY,
                "a short position of " + QUANTITY);
    }

    @Test
    void theTakeProfitFillingCancelsTheStopLoss() {
        OrderEvent.Filled target = exitFills(this::longBracket, 98.5, 106.0, OrderLeg.TAKE_PROFIT, OrderLeg.STOP_LOSS);
        assertTrue(target.price() >= 105.0 - 1e-9, "a sell limit fills at its limit or better: " + target);
        assertStaysCancelledWhenCrossed(target.orderRef(), OrderLeg.STOP_LOSS, 94.0);
    }

    @Test
    void theStopLossFillingCancelsTheTakeProfit() {
        OrderEvent.Filled stop = exitFills(this::longBracket, 98.5, 94.5, OrderLeg.STOP_LOSS, OrderLeg.TAKE_PROFIT);
        assertStaysCancelledWhenCrossed(stop.orderRef(), OrderLeg.TAKE_PROFIT, 106.0);
    }

    @Test
    void aShortBracketTakesItsProfitBelowTheEntry() {
        OrderEvent.Filled target = exitFills(this::shortBracket, 101.5, 94.0, OrderLeg.TAKE_PROFIT, OrderLeg.STOP_LOSS);
        assertTrue(target.price() <= 95.0 + 1e-9, "a buy limit fills at its limit or better: " + target);
    }

    /**
     * Fills the entry of a fresh {@code bracket} at {@code entryPrice}, then trades at {@code exitPrice}:
     * {@code exit} fills, {@code sibling} is cancelled and the bracket is done, flat. Returns the exit's fill.
     */
    private OrderEvent.Filled exitFills(Function<String, BracketOrder> bracket, double entryPrice, double exitPrice,
            OrderLeg exit, OrderLeg sibling) {
        String ref = entryFilled(bracket, entryPrice).orderRef();
        marketTradesAt(symbol, exitPrice);
        OrderEvent.Filled fill = events.await(OrderEvent.Filled.class, ref, exit, WAIT);
        events.await(OrderEvent.Cancelled.class, ref, sibling, WAIT);
        assertBracketDone(ref, exit, sibling);
        return fill;
    }

    /** The cancelled {@code leg} of a done bracket stays cancelled, and the account flat, when the price crosses it. */
    private void assertStaysCancelledWhenCrossed(String ref, OrderLeg leg, double price) {
        marketTradesAt(symbol, price);
        assertEquals(OrderState.CANCELLED, legsOf(ref).get(leg).state(), "the " + leg + " stays cancelled");
        assertTrue(position().isEmpty(), "still flat after the price crossed the old " + leg);
    }

    @Test
    void cancelBeforeTheEntryFillsCancelsEveryLeg() {
        String ref = newRef();
        accept(broker.submitBracket(longBracket(ref)));
        assertEquals(3, broker.cancel(ref), "three legs asked to cancel");
        for (OrderLeg leg : OrderLeg.BRACKET) {
            events.await(OrderEvent.Cancelled.class, ref, leg, WAIT);
        }
        eventually(() -> openLegsOf(ref), n -> n == 0, "no open leg of " + ref);
        Map<OrderLeg, OrderView> legs = legsOf(ref);
        assertEquals(3, legs.size(), "cancelled legs are still known by ref: " + legs);
        legs.values().forEach(v -> assertEquals(OrderState.CANCELLED, v.state(), "cancelled: " + v));
        assertEquals(0, broker.cancel(ref), "nothing left to cancel");

        marketTradesAt(symbol, 98.0);
        assertEquals(OrderState.CANCELLED, legsOf(ref).get(OrderLeg.ENTRY).state(), "a cancelled entry never fills");
        assertTrue(position().isEmpty(), "no position from a cancelled bracket");
    }

    @Test
    void cancelAfterTheEntryFilledCancelsTheChildrenAndKeepsThePosition() {
        String ref = entryFilled(this::longBracket, 98.5).orderRef();
        assertEquals(2, broker.cancel(ref), "the stop loss and the take profit");
        events.await(OrderEvent.Cancelled.class, ref, OrderLeg.STOP_LOSS, WAIT);
        events.await(OrderEvent.Cancelled.class, ref, OrderLeg.TAKE_PROFIT, WAIT);
        eventually(() -> openLegsOf(ref), n -> n == 0, "no open leg of " + ref);
        eventually(() -> position(), o -> o.isPresent() && o.get().quantity() == QUANTITY, "the position stays");
    }

    @Test
    void anUnknownOrderRefHasNoOrdersAndCancelsNothing() {
        String ref = newRef();
        assertTrue(broker.ordersByRef(ref).isEmpty(), "no orders for an unknown ref");
        assertEquals(0, broker.cancel(ref), "nothing to cancel for an unknown ref");
    }

    @Test
    void aClosedSubscriptionReceivesNoMoreEvents() throws Exception {
        OrderEventRecorder late = new OrderEventRecorder();
        broker.subscribe(late).close();
        String ref = newRef();
        accept(broker.submitBracket(longBracket(ref)));
        events.await(OrderEvent.Working.class, ref, OrderLeg.ENTRY, WAIT);
        marketTradesAt(symbol, 98.5);
        events.await(OrderEvent.Filled.class, ref, OrderLeg.ENTRY, WAIT);
        assertTrue(late.events().isEmpty(), "a closed subscription got " + late.events());
    }

    @Test
    void aConnectedBrokerSaysWhichAccountItTradesWithoutBlockingAndMasked() {
        TradingAccount a = assertTimeoutPreemptively(Duration.ofSeconds(1), () -> broker.tradingAccount());
        TradingAccount.Selected s = assertInstanceOf(TradingAccount.Selected.class, a,
                "a connected broker has chosen the account it trades");
        assertFalse(s.maskedId().matches(".*[0-9]{4,}.*"), "never a full account id: " + s.maskedId());
        assertNotNull(s.kind());
    }
}
