package tech.brokerbridge.ports.tck;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** A bounded wait for a condition another thread makes true; running out of time fails the test. */
public final class Await {
    /** The upper bound of every wait; not a speed goal. */
    public static final Duration WAIT = Duration.ofSeconds(10);

    private Await() {
    }

    /** Returns once {@code condition} holds; fails naming {@code what} after {@link #WAIT}. */
    public static void until(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + what);
            }
        }
    }
}
