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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
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
import tech.brokerbridge.ports.market.MarketDataException;
import tech.brokerbridge.ports.market.MarketSession;

/**
 * The simulated exchange and account behind the paper broker: simulated time, live prices, the
 * bracket book, matching and accounting, all under one lock. Events go out through the
 * {@link EventDispatcher}, never from under a caller's feet.
 *
 * <p>Simulated time starts at the clock's instant and only moves forward: {@link #catchUp()} brings
 * it to the clock, {@link #advance(Duration)} pushes it beyond. While brackets are live, time moves
 * in five-minute steps through the session so that every price is checked against them (a live feed,
 * which cannot replay the past, is checked once, at the time it is asked). Orders fill only inside the
 * regular session ({@link TradingCalendar}): an entry submitted outside it waits for the open,
 * whatever the price source.
 *
 * <p>Durability: every call ends by committing its effects through the {@link Outbox}. With an
 * {@link AccountFile}, a call that changed the account saves it before it returns and before its
 * order events are handed to the dispatcher; a save that fails puts the account back as it was last
 * saved and the call throws a retryable {@link BrokerException}.
 */
public final class PaperExchange implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PaperExchange.class);

    private final ReentrantLock lock = new ReentrantLock();
    private final Clock clock;
    private final PriceFeed feed;
    private final TradingCalendar calendar;
    private final long seed;
    private final EventDispatcher events = new EventDispatcher();
    private final Outbox outbox;
    private final Map<String, PaperBracket> brackets = new LinkedHashMap<>();
    private final Map<String, Double> priceFactors = new HashMap<>();
    private PaperAccount account;
    private String idPrefix;
    private long nextOrderId;
    private long nextExecutionId;
    private volatile Instant now;
    private volatile boolean closed;

    /** An exchange on simulated prices with a fresh account that lives in memory only. */
    public PaperExchange(Clock clock, PriceModel model, String currency, double startingCash) {
        this(clock, model, model.calendar(), model.seed(), currency, startingCash, Optional.empty());
    }

    /**
     * An exchange whose account lives in {@code file} when present: loaded from it, or opened there
     * with {@code startingCash} when it holds none yet.
     *
     * @throws IllegalStateException when the file is damaged or holds an account in another currency or price seed
     */
    PaperExchange(Clock clock, PriceFeed feed, TradingCalendar calendar, long seed, String currency,
            double startingCash, Optional<AccountFile> file) {
        this.clock = clock;
        this.feed = feed;
        this.calendar = calendar;
        this.seed = seed;
        this.outbox = new Outbox(file, events);
        Optional<AccountState> saved = outbox.load(currency, seed);
        if (saved.isPresent()) {
            restore(saved.get());
        } else {
            this.now = clock.instant();
            this.account = new PaperAccount(currency, startingCash, date(now));
            // ids differ between accounts (the journal may outlive an account) yet stay deterministic under a fixed clock
            this.idPrefix = "P" + Long.toString(now.getEpochSecond(), 36) + "-";
            this.nextOrderId = 1;
            this.nextExecutionId = 1;
            outbox.opened(capture());
        }
    }

    /** Simulated now; never before the clock's instant at creation. */
    public Instant now() {
        Instant clockNow = clock.instant();
        Instant simNow = now;
        return clockNow.isAfter(simNow) ? clockNow : simNow;
    }

    public PriceFeed feed() {
        return feed;
    }

    /** The regular session as of simulated now: open until its close, or closed until the next open. */
    public MarketSession session() {
        Instant t = now();
        return calendar.inSession(t) ? new MarketSession.Open(TradingCalendar.closeOf(date(t)))
                : new MarketSession.Closed(calendar.nextOpen(t));
    }

    /** Brings simulated time up to the clock, filling what the prices on the way reach. */
    public void catchUp() {
        call(() -> {
            advanceTo(clock.instant());
            return null;
        });
    }

    /** Moves simulated time forward by {@code step} from where it is (beyond the clock if need be). */
    public void advance(Duration step) {
        if (step.isNegative()) {
            throw new IllegalArgumentException("time only moves forward");
        }
        call(() -> {
            advanceTo(now.plus(step));
            outbox.changed(); // the clock will not bring the market back here after a restart
            return null;
        });
    }

    /**
     * Test and demo hook: the market for {@code symbol} trades at {@code price} now; the live price
     * then keeps following the symbol's path from there. Orders that price reaches fill (in the session).
     */
    public void forcePrice(String symbol, double price) {
        if (!(price > 0)) {
            throw new IllegalArgumentException("price must be positive");
        }
        call(() -> {
            advanceTo(clock.instant());
            priceFactors.put(symbol, price / feed.priceAt(symbol, now));
            outbox.changed();
            if (calendar.inSession(now)) {
                for (PaperBracket b : new ArrayList<>(brackets.values())) {
                    if (b.live() && b.symbol().equals(symbol)) {
                        match(b, livePrice(symbol));
                    }
                }
            }
            return null;
        });
    }

    /**
     * Test and demo hook for a live feed: the source's price of {@code symbol} changed; the exchange
     * reads it again now and fills what it reaches (in the session).
     */
    public void priceChanged(String symbol) {
        call(() -> {
            advanceTo(clock.instant());
            feed.forget(symbol);
            for (PaperBracket b : new ArrayList<>(brackets.values())) {
                if (b.symbol().equals(symbol)) {
                    matchInSession(b);
                }
            }
            return null;
        });
    }

    /**
     * The live price of {@code symbol} at simulated now, in cents.
     *
     * @throws MarketDataException when the feed cannot price it
     */
    public double livePrice(String symbol) {
        lock.lock();
        try {
            double factor = priceFactors.getOrDefault(symbol, 1.0);
            return SymbolPath.cents(feed.priceAt(symbol, now) * factor);
        } finally {
            lock.unlock();
        }
    }

    /** The price an open position is valued at: the live price, or its cost while the feed cannot say. */
    private double markPrice(String symbol) {
        try {
            return livePrice(symbol);
        } catch (MarketDataException e) {
            LOG.debug("no price for {} ({}); valued at cost", symbol, e.getMessage());
            return account.averageCost(symbol);
        }
    }

    public SubmitResult submit(BracketOrder order) {
        return call(() -> {
            advanceTo(clock.instant());
            String ref = order.orderRef();
            if (brackets.containsKey(ref)) {
                return new SubmitResult.Rejected(ref, "duplicate orderRef: the paper broker already holds it", true);
            }
            if (!PriceModel.isListed(order.symbol())) {
                return new SubmitResult.Rejected(ref, "unknown symbol: " + order.symbol(), false);
            }
            try {
                feed.requireKnown(order.symbol());
            } catch (MarketDataException e) {
                return new SubmitResult.Rejected(ref, e.getMessage(), false);
            }
            double notional = order.quantity() * order.entryLimit();
            if (notional > account.buyingPower(this::markPrice, workingEntryNotional())) {
                return new SubmitResult.Rejected(ref, String.format(Locale.ROOT,
                        "insufficient buying power for an order of %.2f", notional), false);
            }
            List<String> ids = List.of(newOrderId(), newOrderId(), newOrderId());
            PaperBracket b = new PaperBracket(order, ids);
            brackets.put(ref, b);
            for (PaperOrder leg : b.legs()) {
                outbox.event(new OrderEvent.Working(ref, leg.leg, leg.id, now));
            }
            LOG.debug("paper bracket {} accepted: {} {} x{} entry {} stop {} target {}", ref, order.direction().wire(),
                    order.symbol(), order.quantity(), order.entryLimit(), order.stopLoss(), order.takeProfit());
            matchInSession(b); // outside the session the entry waits for the open
            return new SubmitResult.Accepted(ref, ids);
        });
    }

    public int cancel(String orderRef) {
        return call(() -> {
            advanceTo(clock.instant());
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
        });
    }

    public List<OrderView> openOrders() {
        return call(() -> {
            advanceTo(clock.instant());
            List<OrderView> out = new ArrayList<>();
            for (PaperBracket b : brackets.values()) {
                for (PaperOrder leg : b.legs()) {
                    if (leg.live()) {
                        out.add(b.view(leg));
                    }
                }
            }
            return out;
        });
    }

    public List<OrderView> ordersByRef(String orderRef) {
        return call(() -> {
            advanceTo(clock.instant());
            PaperBracket b = brackets.get(orderRef);
            return b == null ? List.<OrderView>of() : b.legs().stream().map(b::view).toList();
        });
    }

    public AccountSnapshot account() {
        return call(() -> {
            advanceTo(clock.instant());
            return account.snapshot(this::markPrice, workingEntryNotional(), now);
        });
    }

    public List<Position> positions() {
        return call(() -> {
            advanceTo(clock.instant());
            return account.positions(this::markPrice);
        });
    }

    public AutoCloseable subscribe(OrderEventListener listener) {
        ensureOpen();
        return events.subscribe(listener);
    }

    public boolean isClosed() {
        return closed;
    }

    /** Refuses further calls, releases the account file and delivers the events already sent (up to 2 s). Idempotent. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            outbox.close();
        } finally {
            lock.unlock();
        }
        events.close();
    }

    /** One call: under the lock, on an open exchange, its effects saved and its events sent through the {@link Outbox}. */
    private <T> T call(Supplier<T> body) {
        lock.lock();
        try {
            ensureOpen();
            T result = body.get();
            outbox.commit(this::capture, this::restore);
            return result;
        } finally {
            lock.unlock();
        }
    }

    private AccountState capture() {
        return new AccountState(account.currency(), seed, idPrefix, nextOrderId, nextExecutionId, now,
                account.ledger(), priceFactors, brackets.values().stream().map(PaperBracket::state).toList());
    }

    private void restore(AccountState s) {
        account = PaperAccount.from(s.currency(), s.ledger());
        idPrefix = s.idPrefix();
        nextOrderId = s.nextOrderId();
        nextExecutionId = s.nextExecutionId();
        now = s.simulatedTime();
        priceFactors.clear();
        priceFactors.putAll(s.priceFactors());
        brackets.clear();
        s.brackets().forEach(b -> brackets.put(b.order().orderRef(), PaperBracket.from(b)));
    }

    /** Moves simulated time to {@code target} (if it is ahead), matching live brackets on the way. Under the lock. */
    private void advanceTo(Instant target) {
        while (now.isBefore(target)) {
            now = nextStep(now, target);
            LocalDate today = date(now);
            if (!today.equals(account.day())) {
                account.rollDay(today, account.equity(this::markPrice));
                outbox.changed();
            }
            for (PaperBracket b : new ArrayList<>(brackets.values())) {
                matchInSession(b);
            }
        }
    }

    /** Matches a live bracket at the live price when simulated now is in the session and the feed has a price. */
    private void matchInSession(PaperBracket b) {
        if (!b.live() || !calendar.inSession(now)) {
            return;
        }
        try {
            match(b, livePrice(b.symbol()));
        } catch (MarketDataException e) {
            LOG.debug("bracket {} not matched now: no price for {} ({})", b.order.orderRef(), b.symbol(),
                    e.getMessage());
        }
    }

    private Instant nextStep(Instant from, Instant target) {
        LocalDate date = date(from);
        if (!feed.replays()) {
            return target; // a live feed knows only its latest price: look once
        }
        Instant next = date.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        if (hasLiveBrackets() && calendar.isTradingDay(date)) {
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
        leg.filled(idPrefix + "X" + nextExecutionId++, price, now);
        account.fill(b.symbol(), side * leg.quantity, price);
        LOG.debug("paper bracket {}: {} filled, {} x{} at {}", b.order.orderRef(), leg.leg.wire(), b.symbol(),
                leg.quantity, price);
        outbox.event(new OrderEvent.Filled(b.order.orderRef(), leg.leg, leg.id, leg.executionId, b.symbol(), leg.quantity,
                price, true, now));
    }

    private void cancelLeg(PaperBracket b, PaperOrder leg, String reason) {
        leg.state = OrderState.CANCELLED;
        LOG.debug("paper bracket {}: {} cancelled ({})", b.order.orderRef(), leg.leg.wire(), reason);
        outbox.event(new OrderEvent.Cancelled(b.order.orderRef(), leg.leg, leg.id, reason, now));
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
