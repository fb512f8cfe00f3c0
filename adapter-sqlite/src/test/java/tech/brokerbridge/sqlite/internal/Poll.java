package tech.brokerbridge.sqlite.internal;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition that a background thread makes true (a checkpoint, a queued write), within a bound. */
final class Poll {
    private Poll() {
    }

    /** Returns once {@code condition} holds; fails the test when it does not within {@code bound}. */
    static void until(Duration bound, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + bound);
            }
            Thread.sleep(5);
        }
    }
}
