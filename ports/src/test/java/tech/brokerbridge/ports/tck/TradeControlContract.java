package tech.brokerbridge.ports.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ports.broker.CloseOrder;
import tech.brokerbridge.ports.broker.ModifyResult;
import tech.brokerbridge.ports.broker.OrderEvent;
import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.broker.OrderState;
import tech.brokerbridge.ports.broker.OrderView;
import tech.brokerbridge.ports.broker.PlaceResult;
import tech.brokerbridge.ports.broker.ProtectionChange;
import tech.brokerbridge.ports.broker.StopOrder;
import tech.brokerbridge.ports.broker.TradeControl;
import tech.brokerbridge.ports.broker.TrailingStop;
import tech.brokerbridge.ports.market.Direction;

/**
 * The contract of {@link TradeControl}, the part of a broker that looks after a trade once sent, run
 * by every broker, real or fake, with the hooks of {@link BrokerFixture}: a modification moves a
 * protective leg to its new level under the same id, and the leg then works there; a trailing stop
 * follows the price up and fills when the price falls back by its amount; a close (whole or part, at
 * market or at a limit) is an opposite order under its own ref that cuts (or cancels) the bracket's
 * stop and target by what it closes, so that no protective leg outlives its shares and none is lost
 * while shares remain; a close or a stop is idempotent by its ref; a stand-alone stop protects a
 * position whose stop is gone; and a commission reported names an execution reported before it.
 */
public abstract class TradeControlContract extends BrokerFixture {
    /** False for a broker that never reports commissions (then the commission test has nothing to check). */
    protected boolean reportsCommissions() {
        return true;
    }

    // ---- modify ----

    @Test
    void aModifiedStopKeepsItsIdAndWorksAtTheNewLevel() {
        String ref = filledLong();
        OrderView before = legsOf(ref).get(OrderLeg.STOP_LOSS);
        ModifyResult.Modified m = modified(broker.modify(ref, ProtectionChange.stop(97.0)));
        OrderView stop = m.legs().stream().filter(l -> l.leg() == OrderLeg.STOP_LOSS).findFirst().orElseThrow();
        assertEquals(before.brokerOrderId(), stop.brokerOrderId(), "a modification keeps the order id");
        eventually(() -> legsOf(ref).get(OrderLeg.STOP_LOSS).limitOrStopPrice(), p -> Math.abs(p - 97.0) < 1e-9,
                "ordersByRef shows the stop at 97");
        OrderEvent.Modified ev = events.await(OrderEvent.Modified.class, ref, OrderLeg.STOP_LOSS, WAIT);
        assertEquals(97.0, ev.price(), 1e-9);
        assertEquals(QUANTITY, ev.quantity());
        assertEquals(QUANTITY, legsOf(ref).get(OrderLeg.TAKE_PROFIT).quantity(), "the target is untouched");

        marketTradesAt(symbol, 97.5);
        assertTrue(position().isPresent(), "above the new stop the position stays");
        marketTradesAt(symbol, 96.8);
        OrderEvent.Filled fill = events.await(OrderEvent.Filled.class, ref, OrderLeg.STOP_LOSS, WAIT);
        assertTrue(fill.price() <= 97.0 + 1e-9 && fill.price() > 95.0, "filled at the new stop, not the old: " + fill);
        assertBracketDone(ref, OrderLeg.STOP_LOSS, OrderLeg.TAKE_PROFIT);
    }

    @Test
    void theTargetOfAnUnfilledBracketCanMoveBeforeTheEntryFills() {
        String ref = newRef();
        accept(broker.submitBracket(longBracket(ref)));
        eventually(() -> legsOf(ref), m -> m.size() == 3, "three legs of " + ref);
        modified(broker.modify(ref, ProtectionChange.target(107.0)));
        eventually(() -> legsOf(ref).get(OrderLeg.TAKE_PROFIT).limitOrStopPrice(), p -> Math.abs(p - 107.0) < 1e-9,
                "the target at 107");
        assertFalse(legsOf(ref).get(OrderLeg.TAKE_PROFIT).state().done(), "still held for the entry");
        marketTradesAt(symbol, 98.5);
        events.await(OrderEvent.Filled.class, ref, OrderLeg.ENTRY, WAIT);
        marketTradesAt(symbol, 106.0);
        assertEquals(Optional.of(QUANTITY), position().map(p -> p.quantity()), "106 is below the new target");
        marketTradesAt(symbol, 107.5);
        events.await(OrderEvent.Filled.class, ref, OrderLeg.TAKE_PROFIT, WAIT);
        assertBracketDone(ref, OrderLeg.TAKE_PROFIT, OrderLeg.STOP_LOSS);
    }

    @Test
    void aModificationOfAnUnknownBracketOrOfADoneLegIsRefused() {
        assertInstanceOf(ModifyResult.Refused.class, broker.modify(newRef(), ProtectionChange.stop(97.0)));
        String ref = filledLong();
        marketTradesAt(symbol, 94.0);
        events.await(OrderEvent.Filled.class, ref, OrderLeg.STOP_LOSS, WAIT);
        eventually(() -> legsOf(ref).get(OrderLeg.STOP_LOSS).state(), s -> s == OrderState.FILLED, "stop filled");
        ModifyResult.Refused r = assertInstanceOf(ModifyResult.Refused.class,
                broker.modify(ref, ProtectionChange.stop(93.0)));
        assertFalse(r.reason().isBlank(), "a reason");
        assertEquals(OrderState.FILLED, legsOf(ref).get(OrderLeg.STOP_LOSS).state(), "nothing changed");
    }

    @Test
    void aTrailingStopFollowsThePriceUpAndFillsWhenItFallsBack() {
        String ref = filledLong();
        modified(broker.modify(ref, ProtectionChange.trailing(TrailingStop.amount(2.0), 96.0)));
        eventually(() -> legsOf(ref).get(OrderLeg.STOP_LOSS).trailing(),
                t -> t.equals(Optional.of(TrailingStop.amount(2.0))), "the stop trails by 2");
        marketTradesAt(symbol, 104.0); // the stop trails up to 102 (the target is at 105)
        marketTradesAt(symbol, 102.5);
        assertEquals(Optional.of(QUANTITY), position().map(p -> p.quantity()), "102.5 is above the trailed stop");
        marketTradesAt(symbol, 101.8);
        OrderEvent.Filled fill = events.await(OrderEvent.Filled.class, ref, OrderLeg.STOP_LOSS, WAIT);
        assertTrue(fill.price() > 101.0 && fill.price() <= 102.0 + 1e-9,
                "filled where the trail left the stop (102), far above the first stop (96): " + fill);
        assertBracketDone(ref, OrderLeg.STOP_LOSS, OrderLeg.TAKE_PROFIT);
    }

    // ---- close ----

    @Test
    void closingAWholePositionAtMarketCancelsItsStopAndTarget() {
        String ref = filledLong();
        String closeRef = newCloseRef();
        PlaceResult.Accepted a = placed(broker.close(close(closeRef, ref, QUANTITY, OptionalDouble.empty())));
        assertEquals(closeRef, a.ref());
        assertFalse(a.brokerOrderId().isBlank(), "the closing order's id");
        OrderEvent.Filled fill = events.await(OrderEvent.Filled.class, closeRef, OrderLeg.CLOSE, WAIT);
        assertEquals(QUANTITY, totalFilled(closeRef));
        assertEquals(a.brokerOrderId(), fill.brokerOrderId());
        events.await(OrderEvent.Cancelled.class, ref, OrderLeg.STOP_LOSS, WAIT);
        events.await(OrderEvent.Cancelled.class, ref, OrderLeg.TAKE_PROFIT, WAIT);
        eventually(() -> position(), Optional::isEmpty, "flat after the close");
        eventually(() -> openLegsOf(ref) + openLegsOf(closeRef), n -> n == 0, "no order of the trade left working");
        OrderView closing = eventually(() -> broker.ordersByRef(closeRef), l -> l.size() == 1
                && l.get(0).state() == OrderState.FILLED, "ordersByRef finds the filled close").get(0);
        assertEquals(OrderLeg.CLOSE, closing.leg());
        assertEquals(Direction.LONG, closing.direction(), "it closed the long position");

        marketTradesAt(symbol, 94.0);
        marketTradesAt(symbol, 106.0);
        assertTrue(position().isEmpty(), "no orphan leg opened anything when the price crossed the old levels");
    }

    @Test
    void closingPartOfAPositionCutsItsStopAndTargetToWhatIsLeft() {
        String ref = filledLong();
        closedAtMarket(ref, 4);
        eventually(() -> position(), p -> p.isPresent() && p.get().quantity() == QUANTITY - 4, "6 shares left");
        Map<OrderLeg, OrderView> legs = eventually(() -> legsOf(ref), m -> m.get(OrderLeg.STOP_LOSS).quantity() == 6
                && m.get(OrderLeg.TAKE_PROFIT).quantity() == 6, "stop and target cut to 6");
        assertFalse(legs.get(OrderLeg.STOP_LOSS).state().done(), "the stop still works for the rest");
        assertEquals(95.0, legs.get(OrderLeg.STOP_LOSS).limitOrStopPrice(), 1e-9, "at its level");

        marketTradesAt(symbol, 94.5);
        events.await(OrderEvent.Filled.class, ref, OrderLeg.STOP_LOSS, WAIT);
        eventually(() -> position(), Optional::isEmpty, "the stop took the last 6 shares out, no more");
        eventually(() -> openLegsOf(ref), n -> n == 0, "nothing left working");
    }

    @Test
    void aShortPositionClosesWithABuy() {
        String ref = entryFilled(this::shortBracket, 101.5).orderRef();
        eventually(() -> position(), p -> p.isPresent() && p.get().quantity() == -QUANTITY, "short 10");
        String closeRef = newCloseRef();
        placed(broker.close(new CloseOrder(closeRef, Optional.of(ref), symbol, Direction.SHORT, QUANTITY,
                OptionalDouble.empty())));
        events.await(OrderEvent.Filled.class, closeRef, OrderLeg.CLOSE, WAIT);
        eventually(() -> position(), Optional::isEmpty, "flat");
        eventually(() -> openLegsOf(ref), n -> n == 0, "the short's stop and target went with it");
    }

    @Test
    void aCloseAtALimitWorksUntilThePriceReachesIt() {
        String ref = filledLong();
        String closeRef = newCloseRef();
        PlaceResult.Accepted a = placed(broker.close(close(closeRef, ref, QUANTITY, OptionalDouble.of(103.0))));
        assertEquals(OrderState.WORKING, eventually(() -> broker.ordersByRef(closeRef).get(0).state(),
                s -> !s.equals(OrderState.PENDING), "the limit close works"), "a limit above the market works: " + a);
        assertEquals(103.0, broker.ordersByRef(closeRef).get(0).limitOrStopPrice(), 1e-9);
        marketTradesAt(symbol, 102.0);
        assertEquals(Optional.of(QUANTITY), position().map(p -> p.quantity()), "102 is below the limit");
        marketTradesAt(symbol, 103.5);
        OrderEvent.Filled fill = events.await(OrderEvent.Filled.class, closeRef, OrderLeg.CLOSE, WAIT);
        assertTrue(fill.price() >= 103.0 - 1e-9, "a sell limit fills at its limit or better: " + fill);
        eventually(() -> position(), Optional::isEmpty, "flat");
        eventually(() -> openLegsOf(ref) + openLegsOf(closeRef), n -> n == 0, "nothing left working");
    }

    @Test
    void aCloseIsIdempotentByItsRef() {
        String ref = filledLong();
        String closeRef = closedAtMarket(ref, 4);
        PlaceResult.Rejected again = assertInstanceOf(PlaceResult.Rejected.class,
                broker.close(close(closeRef, ref, 4, OptionalDouble.empty())));
        assertTrue(again.duplicate(), "refused as a duplicate: " + again);
        assertEquals(1, broker.ordersByRef(closeRef).size(), "one closing order");
        eventually(() -> position(), p -> p.isPresent() && p.get().quantity() == QUANTITY - 4,
                "4 shares closed, once");
    }

    @Test
    void aCloseOfMoreThanThePositionIsRejectedAndChangesNothing() {
        String ref = filledLong();
        PlaceResult.Rejected r = assertInstanceOf(PlaceResult.Rejected.class,
                broker.close(close(newCloseRef(), ref, QUANTITY + 5, OptionalDouble.empty())));
        assertFalse(r.duplicate());
        assertFalse(r.reason().isBlank(), "a reason");
        assertEquals(Optional.of(QUANTITY), position().map(p -> p.quantity()), "the position stands");
        Map<OrderLeg, OrderView> legs = legsOf(ref);
        assertEquals(QUANTITY, legs.get(OrderLeg.STOP_LOSS).quantity(), "the stop stands, whole");
        assertFalse(legs.get(OrderLeg.STOP_LOSS).state().done(), "and works");
    }

    // ---- protect (re-arm) ----

    @Test
    void aStandAloneStopProtectsAPositionThatLostItsStop() {
        String ref = filledLong();
        assertEquals(2, broker.cancel(ref), "its stop and target are gone");
        eventually(() -> openLegsOf(ref), n -> n == 0, "no protective leg left");
        String stopRef = StopOrder.REF_PREFIX + newRef().substring(4);
        StopOrder stop = new StopOrder(stopRef, symbol, Direction.LONG, QUANTITY, 96.0);
        PlaceResult.Accepted a = placed(broker.protect(stop));
        assertEquals(stopRef, a.ref());
        OrderView leg = eventually(() -> broker.ordersByRef(stopRef), l -> l.size() == 1
                && l.get(0).state() == OrderState.WORKING, "the stop works").get(0);
        assertEquals(OrderLeg.STOP_LOSS, leg.leg());
        assertEquals(96.0, leg.limitOrStopPrice(), 1e-9);
        assertTrue(broker.openOrders().stream().anyMatch(v -> v.orderRef().equals(stopRef)), "an open order");
        PlaceResult.Rejected dup = assertInstanceOf(PlaceResult.Rejected.class, broker.protect(stop));
        assertTrue(dup.duplicate(), "idempotent by ref");

        marketTradesAt(symbol, 95.5);
        events.await(OrderEvent.Filled.class, stopRef, OrderLeg.STOP_LOSS, WAIT);
        eventually(() -> position(), Optional::isEmpty, "the stop took the position out");
    }

    // ---- commissions ----

    @Test
    void aReportedCommissionNamesAnExecutionReportedBeforeIt() {
        String ref = filledLong();
        String closeRef = closedAtMarket(ref, QUANTITY);
        if (!reportsCommissions()) {
            return;
        }
        events.await(OrderEvent.Commission.class, closeRef, OrderLeg.CLOSE, WAIT);
        List<OrderEvent> seen = events.events();
        Set<String> executed = new java.util.HashSet<>();
        int commissions = 0;
        for (OrderEvent e : seen) {
            if (e instanceof OrderEvent.Filled f) {
                executed.add(f.executionId());
            } else if (e instanceof OrderEvent.Commission c) {
                commissions++;
                assertTrue(executed.contains(c.executionId()), "commission before its execution: " + seen);
                assertTrue(c.amount() >= 0 && Double.isFinite(c.amount()), "an amount: " + c);
            }
        }
        assertTrue(commissions >= 2, "the entry's and the close's: " + seen.stream()
                .map(e -> e.getClass().getSimpleName()).collect(Collectors.joining(",")));
    }

    // ---- helpers ----

    /** A long bracket whose entry filled: 10 long at about 99, stop 95 and target 105 working. */
    protected String filledLong() {
        String ref = entryFilled(this::longBracket, 98.5).orderRef();
        eventually(() -> position(), p -> p.isPresent() && p.get().quantity() == QUANTITY, "long " + QUANTITY);
        eventually(() -> legsOf(ref), m -> m.get(OrderLeg.STOP_LOSS) != null
                && m.get(OrderLeg.STOP_LOSS).state() == OrderState.WORKING, "the stop works");
        return ref;
    }

    /** Closes {@code quantity} shares of the long bracket {@code ref} at market under a fresh ref; returns it once filled. */
    private String closedAtMarket(String ref, long quantity) {
        String closeRef = newCloseRef();
        placed(broker.close(close(closeRef, ref, quantity, OptionalDouble.empty())));
        events.await(OrderEvent.Filled.class, closeRef, OrderLeg.CLOSE, WAIT);
        return closeRef;
    }

    protected CloseOrder close(String closeRef, String bracketRef, long quantity, OptionalDouble limit) {
        return new CloseOrder(closeRef, Optional.of(bracketRef), symbol, Direction.LONG, quantity, limit);
    }

    protected static String newCloseRef() {
        return CloseOrder.REF_PREFIX + newRef().substring(4);
    }

    private long totalFilled(String ref) {
        return events.events(ref).stream().filter(e -> e instanceof OrderEvent.Filled)
                .mapToLong(e -> ((OrderEvent.Filled) e).filledQuantity()).sum();
    }

    private static ModifyResult.Modified modified(ModifyResult r) {
        if (r instanceof ModifyResult.Modified m) {
            return m;
        }
        return fail("modification refused: " + r);
    }

    private static PlaceResult.Accepted placed(PlaceResult r) {
        if (r instanceof PlaceResult.Accepted a) {
            return a;
        }
        return fail("order refused: " + r);
    }
}
