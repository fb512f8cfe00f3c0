package tech.brokerbridge.paper.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.ports.broker.AccountSnapshot;
import tech.brokerbridge.ports.broker.BracketOrder;
import tech.brokerbridge.ports.broker.BrokerException;
import tech.brokerbridge.ports.broker.OrderEvent;
import tech.brokerbridge.ports.broker.OrderEventListener;
import tech.brokerbridge.ports.broker.OrderState;
import tech.brokerbridge.ports.broker.OrderView;
import tech.brokerbridge.ports.broker.Position;
import tech.brokerbridge.ports.broker.SubmitResult;
import tech.brokerbridge.ports.market.Direction;

/**
 * The simulated exchange and account behind the paper broker: simulated time, live prices, the
 * bracket book, matching and accounting, all under one lock. Events go out through the
 * {@link EventDispatcher}, never from under a caller's feet.
 *
 * <p>Simulated time starts at the clock's instant and only moves forward: {@link #catchUp()} brings
 * it to the clock, {@link #advance(Duration)} pushes it beyond. While brackets are live, time moves
 * in the price model's five-minute steps through the session so that every price is checked against them.
 */
public final class PaperExchange implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PaperExchange.class);

    private final ReentrantLock lock = new ReentrantLock();
    private final Clock clock;
    private final PriceModel model;
    private final PaperAccount account;
    private final EventDispatcher events = new EventDispatcher();
    private final Map<String, PaperBracket> brackets = new LinkedHashMap<>();
    private final Map<String, Double> priceFactors = new HashMap<>();
    private final String idPrefix;
    private long nextOrderId = 1;
    private long nextExecutionId = 1;
    private volatile Instant now;
    private volatile boolean closed;

    public PaperExchange(Clock clock, PriceModel model, String currency, double startingCash) {
        this.clock = clock;
        this.model = model;
        this.now = clock.instant();
        this.account = new PaperAccount(currency, startingCash, date(now));
        // ids differ between runs (the journal outlives this in-memory book) yet stay deterministic under a fixed clock
        this.idPrefix = "P" + Long.toString(now.getEpochSecond(), 36) + "-";
    }

    /** Simulated now; never before the clock's instant at creation. */
    public Instant now() {
        Instant clockNow = clock.instant();
        Instant simNow = now;
        return clockNow.isAfter(simNow) ? clockNow : simNow;
    }

    public PriceModel model() {
        return model;
    }

    /** Brings simulated time up to the clock, filling what the prices on the way reach. */
    public void catchUp() {
        advanceTo(clock.instant());
    }

    /** Moves simulated time forward by {@code step} from where it is (beyond the clock if need be). */
    public void advance(Duration step) {
        if (step.isNegative()) {
            throw new IllegalArgumentException("time only moves forward");
        }
        lock.lock();
        try {
            advanceTo(now.plus(step));
        } finally {
            lock.unlock();
        }
    }

    private void advanceTo(Instant target) {
        lock.lock();
        try {
            ensureOpen();
            while (now.isBefore(target)) {
                now = nextStep(now, target);
                LocalDate today = date(now);
                if (!today.equals(account.day())) {
                    account.rollDay(today, account.equity(this::livePrice));
                }
                for (PaperBracket b : new ArrayList<>(brackets.values())) {
                    if (b.live()) {
                        match(b, livePrice(b.symbol()));
                    }
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private Instant nextStep(Instant from, Instant target) {
        LocalDate date = date(from);
        Instant next = date.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        if (hasLiveBrackets() && model.calendar().isTradingDay(date)) {
            Instant open = TradingCalendar.openOf(date);
            if (from.isBefore(open)) {
                next = open;
            } else if (from.isBefore(TradingCalendar.closeOf(date))) {
                long step = Duration.between(open, from).toMinutes() / TradingCalendar.STEP_MINUTES;
                next = open.plus((step + 1) * TradingCalendar.STEP_MINUTES, ChronoUnit.MINUTES);
            }
        }
        return next.isBefore(target) ? next : target;
    }

    private boolean hasLiveBrackets() {
        for (PaperBracket b : brackets.values()) {
            if (b.live()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Test and demo hook: the market for {@code symbol} trades at {@code price} now; the live price
     * then keeps following the symbol's path from there. Orders that price reaches fill.
     */
    public void forcePrice(String symbol, double price) {
        if (!(price > 0)) {
            throw new IllegalArgumentException("price must be positive");
        }
        lock.lock();
        try {
            catchUp();
            priceFactors.put(symbol, price / model.priceAt(symbol, now));
            for (PaperBracket b : new ArrayList<>(brackets.values())) {
                if (b.live() && b.symbol().equals(symbol)) {
                    match(b, livePrice(symbol));
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** The live price of {@code symbol} at simulated now, in cents. */
    public double livePrice(String symbol) {
        lock.lock();
        try {
            double factor = priceFactors.getOrDefault(symbol, 1.0);
            return SymbolPath.cents(model.priceAt(symbol, now) * factor);
        } finally {
            lock.unlock();
        }
    }

    public SubmitResult submit(BracketOrder order) {
        lock.lock();
        try {
            catchUp();
            String ref = order.orderRef();
            if (brackets.containsKey(ref)) {
                return new SubmitResult.Rejected(ref, "duplicate orderRef: the paper broker already holds it", true);
            }
            if (!PriceModel.isListed(order.symbol())) {
                return new SubmitResult.Rejected(ref, "unknown symbol: " + order.symbol(), false);
            }
            double notional = order.quantity() * order.entryLimit();
            if (notional > account.buyingPower(this::livePrice, workingEntryNotional())) {
                return new SubmitResult.Rejected(ref, String.format(java.util.Locale.ROOT,
                        "insufficient buying power for an order of %.2f", notional), false);
            }
            List<String> ids = List.of(newOrderId(), newOrderId(), newOrderId());
            PaperBracket b = new PaperBracket(order, ids);
            brackets.put(ref, b);
            for (PaperOrder leg : b.legs()) {
                events.publish(new OrderEvent.Working(ref, leg.leg, leg.id, now));
            }
            LOG.debug("paper bracket {} accepted: {} {} x{} entry {} stop {} target {}", ref, order.direction().wire(),
                    order.symbol(), order.quantity(), order.entryLimit(), order.stopLoss(), order.takeProfit());
            match(b, livePrice(order.symbol()));
            return new SubmitResult.Accepted(ref, ids);
        } finally {
            lock.unlock();
        }
    }

    public int cancel(String orderRef) {
        lock.lock();
        try {
            catchUp();
            PaperBracket b = brackets.get(orderRef);
            if (b == null) {
                return 0;
            }
            int n = 0;
            for (PaperOrder leg : b.legs()) {
                if (leg.live()) {
                    cancelLeg(b, leg, "cancelled on request");
                    n++;
                }
            }
            return n;
        } finally {
            lock.unlock();
        }
    }

    public List<OrderView> openOrders() {
        lock.lock();
        try {
            catchUp();
            List<OrderView> out = new ArrayList<>();
            for (PaperBracket b : brackets.values()) {
                for (PaperOrder leg : b.legs()) {
                    if (leg.live()) {
                        out.add(b.view(leg));
                    }
                }
            }
            return out;
        } finally {
            lock.unlock();
        }
    }

    public List<OrderView> ordersByRef(String orderRef) {
        lock.lock();
        try {
            catchUp();
            PaperBracket b = brackets.get(orderRef);
            return b == null ? List.of() : b.legs().stream().map(b::view).toList();
        } finally {
            lock.unlock();
        }
    }

    public AccountSnapshot account() {
        lock.lock();
        try {
            catchUp();
            return account.snapshot(this::livePrice, workingEntryNotional(), now);
        } finally {
            lock.unlock();
        }
    }

    public List<Position> positions() {
        lock.lock();
        try {
            catchUp();
            return account.positions(this::livePrice);
        } finally {
            lock.unlock();
        }
    }

    public AutoCloseable subscribe(OrderEventListener listener) {
        ensureOpen();
        return events.subscribe(listener);
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
        events.close();
    }

    /**
     * Fills what {@code price} reaches. Limits fill at their limit (a resting entry when the price
     * trades at or through it; a marketable entry at once); a stop fills at its stop, or at the
     * price when the market gapped through it; one child filling cancels the other.
     */
    private void match(PaperBracket b, double price) {
        Direction dir = b.order.direction();
        int sign = dir.sign();
        if (b.entry.state == OrderState.WORKING && sign * (price - b.entry.price) <= 0) {
            fill(b, b.entry, b.entry.price, sign);
            b.stop.state = OrderState.WORKING;
            b.target.state = OrderState.WORKING;
        }
        if (b.entry.state != OrderState.FILLED) {
            return;
        }
        if (b.stop.state == OrderState.WORKING && sign * (price - b.stop.price) <= 0) {
            fill(b, b.stop, sign > 0 ? Math.min(price, b.stop.price) : Math.max(price, b.stop.price), -sign);
            cancelLeg(b, b.target, "one-cancels-other: the stop loss filled");
        } else if (b.target.state == OrderState.WORKING && sign * (price - b.target.price) >= 0) {
            fill(b, b.target, b.target.price, -sign);
            cancelLeg(b, b.stop, "one-cancels-other: the take profit filled");
        }
    }

    private void fill(PaperBracket b, PaperOrder leg, double price, int side) {
        leg.state = OrderState.FILLED;
        leg.filledQuantity = leg.quantity;
        leg.averageFillPrice = price;
        account.fill(b.symbol(), side * leg.quantity, price);
        LOG.debug("paper bracket {}: {} filled, {} x{} at {}", b.order.orderRef(), leg.leg.wire(), b.symbol(),
                leg.quantity, price);
        events.publish(new OrderEvent.Filled(b.order.orderRef(), leg.leg, leg.id, idPrefix + "X" + nextExecutionId++,
                b.symbol(), leg.quantity, price, true, now));
    }

    private void cancelLeg(PaperBracket b, PaperOrder leg, String reason) {
        leg.state = OrderState.CANCELLED;
        LOG.debug("paper bracket {}: {} cancelled ({})", b.order.orderRef(), leg.leg.wire(), reason);
        events.publish(new OrderEvent.Cancelled(b.order.orderRef(), leg.leg, leg.id, reason, now));
    }

    private double workingEntryNotional() {
        double notional = 0;
        for (PaperBracket b : brackets.values()) {
            if (b.entry.state == OrderState.WORKING) {
                notional += b.entry.quantity * b.entry.price;
            }
        }
        return notional;
    }

    private String newOrderId() {
        return idPrefix + nextOrderId++;
    }

    private void ensureOpen() {
        if (closed) {
            throw BrokerException.notConnected("paper market closed");
        }
    }

    private static LocalDate date(Instant t) {
        return LocalDate.ofInstant(t, ZoneOffset.UTC);
    }
}
