package tech.brokerbridge.ibkr.internal.market;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import tech.brokerbridge.ibkr.internal.error.GatewayException;
import tech.brokerbridge.ibkr.internal.conn.Sleeper;
import tech.brokerbridge.ibkr.internal.conn.Ticker;
import tech.brokerbridge.ports.market.Bar;

/**
 * IB's historical-data pacing rules, applied before a request is sent:
 * <ul>
 *   <li>no identical request within 15 s: an identical request is answered from the bars fetched
 *       then, nothing is sent;</li>
 *   <li>at most 5 requests for the same contract within 2 s (IB counts six or more as a
 *       violation): a further one waits;</li>
 *   <li>at most 50 requests open at once: a further one waits for a slot.</li>
 * </ul>
 * IB's "60 requests in 10 minutes" limit applies to bars of 30 seconds or less only, so it does not
 * bind daily bars. No wait is longer than the request timeout: a request that would have to wait
 * longer fails with a retryable pacing error instead. Thread-safe.
 */
public final class HistoricalPacing {
    static final Duration IDENTICAL_WINDOW = Duration.ofSeconds(15);
    static final Duration CONTRACT_WINDOW = Duration.ofSeconds(2);
    static final int PER_CONTRACT = 5;
    static final int MAX_OPEN = 50;

    private record Cached(List<Bar> bars, long at) {
    }

    private final Ticker ticker;
    private final Sleeper sleeper;
    private final Map<String, Cached> recent = new HashMap<>();
    private final Map<String, Deque<Long>> perContract = new HashMap<>();
    private final Semaphore open = new Semaphore(MAX_OPEN, true);

    public HistoricalPacing(Ticker ticker, Sleeper sleeper) {
        this.ticker = ticker;
        this.sleeper = sleeper;
    }

    /** Bars of an identical request made less than 15 s ago. */
    public synchronized Optional<List<Bar>> recent(String requestKey) {
        Cached c = recent.get(requestKey);
        if (c == null || ticker.nanos() - c.at >= IDENTICAL_WINDOW.toNanos()) {
            recent.remove(requestKey);
            return Optional.empty();
        }
        return Optional.of(c.bars);
    }

    public synchronized void remember(String requestKey, List<Bar> bars) {
        long now = ticker.nanos();
        recent.values().removeIf(c -> now - c.at >= IDENTICAL_WINDOW.toNanos());
        recent.put(requestKey, new Cached(List.copyOf(bars), now));
    }

    /**
     * Waits for a slot for a request on {@code contractKey}; call {@link #release()} when its answer
     * (or failure) arrived.
     */
    public void acquire(String contractKey, Duration timeout) {
        long deadline = ticker.nanos() + timeout.toNanos();
        try {
            while (true) {
                long wait;
                synchronized (this) {
                    Deque<Long> times = perContract.computeIfAbsent(contractKey, k -> new ArrayDeque<>());
                    long now = ticker.nanos();
                    while (!times.isEmpty() && now - times.peekFirst() >= CONTRACT_WINDOW.toNanos()) {
                        times.pollFirst();
                    }
                    if (times.size() < PER_CONTRACT) {
                        times.addLast(now);
                        break;
                    }
                    wait = times.peekFirst() + CONTRACT_WINDOW.toNanos() - now;
                }
                if (ticker.nanos() + wait > deadline) {
                    throw new GatewayException(GatewayException.Reason.PACING,
                            "historical data pacing: too many requests for " + contractKey + " within 2 s");
                }
                sleeper.sleep(Duration.ofNanos(wait));
            }
            long left = Math.max(0, deadline - ticker.nanos());
            if (!open.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                throw new GatewayException(GatewayException.Reason.PACING,
                        "historical data pacing: " + MAX_OPEN + " requests already open");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw GatewayException.notConnected("interrupted while pacing historical data");
        }
    }

    public void release() {
        open.release();
    }
}
