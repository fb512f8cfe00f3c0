package tech.brokerbridge.ibkr.internal.conn;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter for reconnects: 1 s, 2 s, 4 s ... capped at 60 s, each delay
 * drawn uniformly from [d/2, d] so that several clients do not reconnect in lockstep. Not
 * thread-safe; owned by the supervisor thread.
 */
public final class Backoff {
    private final Duration initial;
    private final Duration max;
    private final DoubleSupplier random;
    private int attempt;

    public Backoff(Duration initial, Duration max, DoubleSupplier random) {
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    /** The delay before the next attempt; grows with every call until {@link #reset()}. */
    public Duration next() {
        long cap = max.toMillis();
        long base = initial.toMillis() << Math.min(attempt, 20);
        long d = Math.min(cap, Math.max(1, base));
        attempt++;
        long jittered = d / 2 + Math.round(random.getAsDouble() * (d - d / 2));
        return Duration.ofMillis(Math.min(cap, jittered));
    }

    public void reset() {
        attempt = 0;
    }

    /** The upper bound of the next delay, without jitter. */
    public Duration ceiling() {
        return Duration.ofMillis(Math.min(max.toMillis(), initial.toMillis() << Math.min(attempt, 20)));
    }
}
