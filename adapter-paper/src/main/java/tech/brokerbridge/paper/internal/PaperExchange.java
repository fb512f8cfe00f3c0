package tech.brokerbridge.paper.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
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
import tech.brokerbridge.ports.broker.CloseOrder;
import tech.brokerbridge.ports.broker.ModifyResult;
import tech.brokerbridge.ports.broker.OrderEvent;
import tech.brokerbridge.ports.broker.OrderEventListener;
import tech.brokerbridge.ports.broker.OrderView;
import tech.brokerbridge.ports.broker.PlaceResult;
import tech.brokerbridge.ports.broker.ProtectionChange;
import tech.brokerbridge.ports.broker.StopOrder;
import tech.brokerbridge.ports.broker.Position;
import tech.brokerbridge.ports.broker.SubmitResult;
import tech.brokerbridge.ports.market.MarketDataException;
import tech.brokerbridge.ports.market.MarketSession;

/**
 * The simulated exchange and account behind the paper broker: simulated time, live prices, the
 * order book ({@link PaperBook}: brackets, closes and stops, matching) and accounting, all under one
 * lock. Events go out through the
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
    private final PaperBook book;
    private final Map<String, Double> priceFactors = new HashMap<>();
    private PaperAccount account;
    private String idPrefix;
    private long nextOrderId;
    private long nextExecutionId;
    private volatile Instant now;
    private volatile boolean closed;

    /** An exchange on simulated prices with a fresh account that lives in memory only, charging no commissions. */
    public PaperExchange(Clock clock, PriceModel model, String currency, double startingCash) {
        this(clock, model, model.calendar(), model.seed(), currency, startingCash, new PaperCommissions(0, 0),
                Optional.empty());
    }

    /**
     * An exchange whose account lives in {@code file} when present: loaded from it, or opened there
     * with {@code startingCash} when it holds none yet.
     *
     * @throws IllegalStateException when the file is damaged or holds an account in another currency or price seed
     */
    PaperExchange(Clock clock, PriceFeed feed, TradingCalendar calendar, long seed, String currency,
            double startingCash, PaperCommissions commissions, Optional<AccountFile> file) {
        this.clock = clock;
        this.feed = feed;
        this.calendar = calendar;
        this.seed = seed;
        this.outbox = new Outbox(file, events);
        this.book = new PaperBook(new BookHost(), commissions, file.isPresent());
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
            book.matchAll(symbol); // in the session only
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
            book.matchAll(symbol);
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
            if (book.knows(ref)) {
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
            if (notional > account.buyingPower(this::markPrice, book.workingEntryNotional())) {
                return new SubmitResult.Rejected(ref, String.format(Locale.ROOT,
                        "insufficient buying power for an order of %.2f", notional), false);
            }
            List<String> ids = List.of(newOrderId(), newOrderId(), newOrderId());
            LOG.debug("paper bracket {} accepted: {} {} x{} entry {} stop {} target {}", ref, order.direction().wire(),
                    order.symbol(), order.quantity(), order.entryLimit(), order.stopLoss(), order.takeProfit());
            book.add(order, ids); // outside the session the entry waits for the open
            return new SubmitResult.Accepted(ref, ids);
        });
    }

    public int cancel(String orderRef) {
        return call(() -> {
            advanceTo(clock.instant());
            return book.cancel(orderRef);
        });
    }

    /** Moves the stop and/or target of a bracket; see {@link tech.brokerbridge.ports.broker.TradeControl#modify}. */
    public ModifyResult modify(String orderRef, ProtectionChange change) {
        return call(() -> {
            advanceTo(clock.instant());
            return book.modify(orderRef, change);
        });
    }

    /** Closes shares of a position, cutting its bracket's legs; see {@link tech.brokerbridge.ports.broker.TradeControl#close}. */
    public PlaceResult close(CloseOrder order) {
        return call(() -> {
            advanceTo(clock.instant());
            return book.close(order);
        });
    }

    /** Places a stand-alone stop; see {@link tech.brokerbridge.ports.broker.TradeControl#protect}. */
    public PlaceResult protect(StopOrder order) {
        return call(() -> {
            advanceTo(clock.instant());
            return book.protect(order);
        });
    }

    public List<OrderView> openOrders() {
        return call(() -> {
            advanceTo(clock.instant());
            return book.open();
        });
    }

    public List<OrderView> ordersByRef(String orderRef) {
        return call(() -> {
            advanceTo(clock.instant());
            return book.byRef(orderRef);
        });
    }

    public AccountSnapshot account() {
        return call(() -> {
            advanceTo(clock.instant());
            return account.snapshot(this::markPrice, book.workingEntryNotional(), now);
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
            outbox.commit(this::save, this::restore);
            return result;
        } finally {
            lock.unlock();
        }
    }

    /** The account as it stands, built afresh from the exchange (for tests: what a save must have kept). */
    AccountState stateNow() {
        lock.lock();
        try {
            return capture();
        } finally {
            lock.unlock();
        }
    }

    /** What a save keeps, built from what changed since the last one; the whole account when assertions are on, to check it. */
    private Outbox.Save save() {
        BookCapture.Capture c = book.capture();
        AccountState state = new AccountState(account.currency(), seed, idPrefix, nextOrderId, nextExecutionId, now,
                account.ledger(), priceFactors, c.brackets(), c.trades());
        assert state.equals(capture()) : "a mutation of the paper book was not marked for saving: " + state;
        return new Outbox.Save(state, c.changed());
    }

    private AccountState capture() {
        return new AccountState(account.currency(), seed, idPrefix, nextOrderId, nextExecutionId, now,
                account.ledger(), priceFactors, book.bracketStates(), book.tradeState());
    }

    private void restore(AccountState s) {
        account = PaperAccount.from(s.currency(), s.ledger());
        idPrefix = s.idPrefix();
        nextOrderId = s.nextOrderId();
        nextExecutionId = s.nextExecutionId();
        now = s.simulatedTime();
        priceFactors.clear();
        priceFactors.putAll(s.priceFactors());
        book.restore(s.brackets(), s.trades());
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
            book.matchAll(null);
        }
    }

    private Instant nextStep(Instant from, Instant target) {
        LocalDate date = date(from);
        if (!feed.replays()) {
            return target; // a live feed knows only its latest price: look once
        }
        Instant next = date.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        if (book.hasLive() && calendar.isTradingDay(date)) {
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

    /** The exchange as the book sees it: under the lock, within the current call. */
    private final class BookHost implements PaperBook.Host {
        @Override
        public Instant now() {
            return now;
        }

        @Override
        public String newOrderId() {
            return PaperExchange.this.newOrderId();
        }

        @Override
        public String newExecutionId() {
            return idPrefix + "X" + nextExecutionId++;
        }

        @Override
        public PaperAccount account() {
            return account;
        }

        @Override
        public void event(OrderEvent event) {
            outbox.event(event);
        }

        @Override
        public double livePrice(String symbol) {
            return PaperExchange.this.livePrice(symbol);
        }

        @Override
        public boolean inSession() {
            return calendar.inSession(now);
        }
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
