package tech.brokerbridge.ibkr.internal.conn;

import java.time.Duration;

/**
 * Keeps outgoing messages at most {@code limit} in any window of {@code window} (IB: 50 per
 * second; more gets the API client disconnected). A sliding window over the last {@code limit}
 * send times: the next send waits until the oldest of them has left the window. Thread-safe:
 * senders queue on the monitor.
 */
public final class Pacer {
    private final long[] sent;
    private final long windowNanos;
    private final Ticker ticker;
    private final Sleeper sleeper;
    private int next;
    private int count;

    public Pacer(int limit, Duration window, Ticker ticker, Sleeper sleeper) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive");
        }
        this.sent = new long[limit];
        this.windowNanos = window.toNanos();
        this.ticker = ticker;
        this.sleeper = sleeper;
    }

    public static Pacer ibDefault(Ticker ticker, Sleeper sleeper) {
        return new Pacer(50, Duration.ofSeconds(1), ticker, sleeper);
    }

    /** Blocks until one more message may go, then counts it. */
    public synchronized void acquire() throws InterruptedException {
        long now = ticker.nanos();
        if (count == sent.length) {
            long oldest = sent[next];
            long wait = oldest + windowNanos - now;
            if (wait > 0) {
                sleeper.sleep(Duration.ofNanos(wait));
                now = Math.max(ticker.nanos(), oldest + windowNanos);
            }
        } else {
            count++;
        }
        sent[next] = now;
        next = (next + 1) % sent.length;
    }
}
