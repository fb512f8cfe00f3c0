package tech.brokerbridge.ports.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import tech.brokerbridge.ports.broker.BracketOrder;
import tech.brokerbridge.ports.broker.Broker;
import tech.brokerbridge.ports.broker.OrderEvent;
import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.broker.OrderState;
import tech.brokerbridge.ports.broker.OrderView;
import tech.brokerbridge.ports.broker.Position;
import tech.brokerbridge.ports.broker.SubmitResult;
import tech.brokerbridge.ports.market.Direction;

/**
 * What the broker contracts share ({@link BrokerContract}, {@link TradeControlContract}): the hooks an
 * implementation gives, a fresh broker per test subscribed to an {@link OrderEventRecorder}, the
 * market at {@value #REFERENCE_PRICE} at the start, and helpers that read the broker's views with an
 * upper bound of {@link #WAIT} (never a speed goal).
 *
 * <ul>
 *   <li>{@link #newRig()} — a fresh {@link BrokerRig} for each test: a connected broker with no
 *       orders, no position in {@link #knownSymbol()}, and buying power for at least {@value #QUANTITY}
 *       shares at about {@value #REFERENCE_PRICE} on either side, the way to move its market, and its
 *       release after the test. One rig class serves every contract an implementation runs;</li>
 *   <li>{@link #knownSymbol()} — a symbol it trades (AAPL unless overridden);</li>
 *   <li>{@link #marketTradesAt(String, double)} — the market for the symbol trades at that price
 *       now (the rig's, unless overridden).</li>
 * </ul>
 * Tests place brackets around 100: long entry 99 / stop 95 / target 105, short entry 101 / stop 105 /
 * target 95, so nothing fills until a test moves the price through a level.
 */
public abstract class BrokerFixture {
    /** Upper bound for any wait in these tests. */
    protected static final Duration WAIT = Duration.ofSeconds(5);
    /** The price every test starts from. */
    protected static final double REFERENCE_PRICE = 100.0;
    /** Shares per test bracket. */
    protected static final long QUANTITY = 10;
    private static final long POLL_MILLIS = 20;

    /** The broker under test, new for each test. */
    protected Broker broker;
    /** {@link #knownSymbol()}. */
    protected String symbol;
    /** Every event the broker sent in this test. */
    protected OrderEventRecorder events;
    private BrokerRig rig;
    private AutoCloseable subscription;

    /** A fresh rig (see the class comment for what its broker must hold); called once per test. */
    protected abstract BrokerRig newRig() throws Exception;

    /** A symbol the broker trades; AAPL unless overridden. */
    protected String knownSymbol() {
        return "AAPL";
    }

    /**
     * The market for {@code symbol} trades at {@code price} now, as if the price had moved there:
     * every order of this broker that the price reaches executes as it would at the broker (a resting
     * buy limit at or above the price fills, a sell stop at or above it triggers, ...). Returns once
     * the broker has taken the price in; the resulting events may still be on their way. By default the
     * rig's {@link BrokerRig#market()}.
     */
    protected void marketTradesAt(String symbol, double price) {
        rig.market().tradesAt(symbol, price);
    }

    @BeforeEach
    void startBroker() throws Exception {
        rig = newRig();
        broker = rig.broker();
        symbol = knownSymbol();
        events = new OrderEventRecorder();
        subscription = broker.subscribe(events);
        marketTradesAt(symbol, REFERENCE_PRICE);
    }

    @AfterEach
    void stopBroker() throws Exception {
        subscription.close();
        rig.release().close();
    }

    // ---- helpers for subclasses and tests ----

    /** A fresh order ref, unique per call. */
    protected static String newRef() {
        return "tck-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    protected BracketOrder longBracket(String ref) {
        return new BracketOrder(ref, symbol, Direction.LONG, QUANTITY, 99.0, 95.0, 105.0);
    }

    protected BracketOrder shortBracket(String ref) {
        return new BracketOrder(ref, symbol, Direction.SHORT, QUANTITY, 101.0, 105.0, 95.0);
    }

    /**
     * Submits the bracket {@code bracket} builds on a fresh ref, trades at {@code price} and waits for its
     * entry to fill; the fill names the ref.
     */
    protected OrderEvent.Filled entryFilled(Function<String, BracketOrder> bracket, double price) {
        String ref = newRef();
        accept(broker.submitBracket(bracket.apply(ref)));
        marketTradesAt(symbol, price);
        return events.await(OrderEvent.Filled.class, ref, OrderLeg.ENTRY, WAIT);
    }

    protected static SubmitResult.Accepted accept(SubmitResult result) {
        if (result instanceof SubmitResult.Accepted a) {
            return a;
        }
        return fail("bracket not accepted: " + result);
    }

    protected void assertBracketDone(String ref, OrderLeg filledChild, OrderLeg cancelledChild) {
        eventually(() -> openLegsOf(ref), n -> n == 0, "open orders exclude the done legs of " + ref);
        Map<OrderLeg, OrderView> legs = eventually(() -> legsOf(ref),
                m -> m.size() == 3 && m.values().stream().allMatch(v -> v.state().done()),
                "ordersByRef keeps the three done legs of " + ref);
        assertEquals(OrderState.FILLED, legs.get(OrderLeg.ENTRY).state());
        assertEquals(OrderState.FILLED, legs.get(filledChild).state());
        assertEquals(OrderState.CANCELLED, legs.get(cancelledChild).state());
        eventually(() -> position(), Optional::isEmpty, "flat after the bracket closed");
    }

    protected Map<OrderLeg, OrderView> legsOf(String ref) {
        Map<OrderLeg, OrderView> legs = new EnumMap<>(OrderLeg.class);
        for (OrderView v : broker.ordersByRef(ref)) {
            assertEquals(ref, v.orderRef(), "ordersByRef returns only that ref");
            legs.put(v.leg(), v);
        }
        return legs;
    }

    protected long openLegsOf(String ref) {
        return broker.openOrders().stream().filter(v -> v.orderRef().equals(ref)).peek(v -> assertFalse(
                v.state().done(), "openOrders holds a done leg: " + v)).count();
    }

    protected long entryFilledQuantity(String ref) {
        OrderView entry = legsOf(ref).get(OrderLeg.ENTRY);
        return entry == null ? 0 : entry.filledQuantity();
    }

    /** The position in the test symbol, if its quantity is not zero. */
    protected Optional<Position> position() {
        return broker.positions().stream().filter(p -> p.symbol().equals(symbol) && p.quantity() != 0).findFirst();
    }

    protected static int indexOf(List<OrderEvent> seen, Class<? extends OrderEvent> type, OrderLeg leg) {
        for (int i = 0; i < seen.size(); i++) {
            if (type.isInstance(seen.get(i)) && seen.get(i).leg() == leg) {
                return i;
            }
        }
        return -1;
    }

    /** Polls {@code read} until {@code done} holds (views may lag events at a real broker), up to {@link #WAIT}. */
    protected static <T> T eventually(Supplier<T> read, Predicate<T> done, String what) {
        T value = read.get();
        // a bounded number of short pauses (no clock read): at most about WAIT in all
        for (long polls = WAIT.toMillis() / POLL_MILLIS; !done.test(value); polls--) {
            if (polls <= 0) {
                return fail("not within " + WAIT + ": " + what + "; last seen " + value);
            }
            pause();
            value = read.get();
        }
        return value;
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        }
    }
}
