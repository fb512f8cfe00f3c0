package tech.brokerbridge.http.internal.limit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts open connections, in all and per client address, and says whether one more may open. A refused
 * connection is closed by the caller at once: nothing waits in a queue for a free slot, so a flood of
 * stalled connections costs the server at most {@code max} file handles.
 *
 * <p>Thread-safe. The per-address table holds only addresses with an open connection.
 */
public final class ConnectionLimits {
    /** Whether a new connection may open. */
    public enum Admission { ADMITTED, OVER_TOTAL, OVER_CLIENT }

    private final int max;
    private final int maxPerClient;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<Object, Integer> perClient = new ConcurrentHashMap<>();

    public ConnectionLimits(int max, int maxPerClient) {
        if (max < 1 || maxPerClient < 1) {
            throw new IllegalArgumentException("connection limits must be at least 1");
        }
        this.max = max;
        this.maxPerClient = maxPerClient;
    }

    /** Takes a slot for a connection from {@code client}; on {@link Admission#ADMITTED} call {@link #release} once it closes. */
    public Admission tryOpen(Object client) {
        if (open.incrementAndGet() > max) {
            open.decrementAndGet();
            return Admission.OVER_TOTAL;
        }
        boolean[] admitted = {false};
        perClient.compute(client, (k, n) -> {
            int count = n == null ? 0 : n;
            if (count >= maxPerClient) {
                return n;
            }
            admitted[0] = true;
            return count + 1;
        });
        if (!admitted[0]) {
            open.decrementAndGet();
            return Admission.OVER_CLIENT;
        }
        return Admission.ADMITTED;
    }

    /** Frees the slot of an admitted connection from {@code client}. */
    public void release(Object client) {
        perClient.computeIfPresent(client, (k, n) -> n <= 1 ? null : n - 1);
        open.decrementAndGet();
    }

    /** Connections open now. */
    public int open() {
        return open.get();
    }

    /** Addresses with at least one open connection. */
    public int clients() {
        return perClient.size();
    }
}
