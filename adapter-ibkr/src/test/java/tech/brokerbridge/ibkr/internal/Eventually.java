package tech.brokerbridge.ibkr.internal;

import java.util.function.BooleanSupplier;

/** A bounded wait for the adapter's tests (an upper bound, never what a test measures). */
final class Eventually {
    private Eventually() {
    }

    static void until(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s: " + what);
            }
            Thread.sleep(5);
        }
    }
}
