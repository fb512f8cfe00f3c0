package tech.brokerbridge.http.internal.limit;

import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * At most {@code limit} requests per client in any window of length {@code window}, exactly: a
 * sliding log of admission times per client (no approximation by fixed buckets).
 *
 * <p>Thread-safe without a global lock: a concurrent map of per-client logs, each with its own
 * monitor. Memory is bounded: a client with nothing in its window is evicted by a sweep that runs at
 * most once per window (by whichever request comes first), and at most {@code maxClients} clients
 * are tracked at once: a new client beyond that evicts the client tracked the longest, so a full
 * table never turns newcomers away (the evicted client starts over with a fresh budget).
 */
public final class SlidingLogRateLimiter {
    /** Tracked clients at most; loopback-only peers make this generous. */
    public static final int DEFAULT_MAX_CLIENTS = 65_536;

    private final int limit;
    private final long windowNanos;
    private final LongSupplier nanos;
    private final int maxClients;
    private final Map<Object, ClientLog> clients = new ConcurrentHashMap<>();
    /** Tracked clients, oldest first; entries of logs retired meanwhile are skipped and pruned. */
    private final Queue<Tracked> arrivals = new ConcurrentLinkedQueue<>();
    private final LongAdder evicted = new LongAdder();
    private final AtomicLong lastSweep;
    private final LongAdder allowed = new LongAdder();
    private final LongAdder refused = new LongAdder();

    /**
     * @param nanos a time source in nanoseconds (any origin); tests pass a controllable one
     */
    public SlidingLogRateLimiter(int limit, Duration window, LongSupplier nanos, int maxClients) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive");
        }
        if (maxClients < 1) {
            throw new IllegalArgumentException("maxClients must be at least 1");
        }
        this.limit = limit;
        this.windowNanos = window.toNanos();
        this.nanos = nanos;
        this.maxClients = maxClients;
        this.lastSweep = new AtomicLong(nanos.getAsLong());
    }

    /**
     * Asks to let one request of {@code client} through now.
     *
     * @return 0 when let through, else the nanoseconds until one would be let through (&gt; 0)
     */
    public long acquire(Object client) {
        long now = nanos.getAsLong();
        long last = lastSweep.get();
        if (now - last >= windowNanos && lastSweep.compareAndSet(last, now)) {
            sweep(now);
        }
        while (true) {
            ClientLog log = clients.get(client);
            if (log == null) {
                while (clients.size() >= maxClients && evictOldest()) {
                    evicted.increment();
                }
                log = clients.computeIfAbsent(client, k -> {
                    ClientLog fresh = new ClientLog(limit);
                    arrivals.add(new Tracked(k, fresh));
                    return fresh;
                });
            }
            long wait = log.tryAcquire(now, limit, windowNanos);
            if (wait == ClientLog.RETIRED) {
                continue;
            }
            if (wait == 0) {
                allowed.increment();
            } else {
                refused.increment();
            }
            return wait;
        }
    }

    /** Evicts every client with nothing in its window. */
    public void sweep(long now) {
        clients.forEach((key, log) -> {
            if (log.retireIfIdle(now, windowNanos)) {
                clients.remove(key, log);
            }
        });
        arrivals.removeIf(t -> t.log().retired());
    }

    /** Figures for the diagnostics. */
    public record Stats(int trackedClients, long allowed, long refused, long evicted, int limit, Duration window) {
    }

    public Stats stats() {
        return new Stats(clients.size(), allowed.sum(), refused.sum(), evicted.sum(), limit,
                Duration.ofNanos(windowNanos));
    }

    /** Forgets the client tracked the longest; false when there was none to forget. */
    private boolean evictOldest() {
        Tracked t;
        while ((t = arrivals.poll()) != null) {
            if (t.log().retire() && clients.remove(t.key(), t.log())) {
                return true;
            }
        }
        return false;
    }

    private record Tracked(Object key, ClientLog log) {
    }
}
