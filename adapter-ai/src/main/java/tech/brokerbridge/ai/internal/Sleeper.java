package tech.brokerbridge.ai.internal;

import java.time.Duration;

/** Waits between retries; tests inject one that records the waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    /** The real one: {@link Thread#sleep}. */
    static Sleeper real() {
        return d -> Thread.sleep(d.toMillis());
    }
}
