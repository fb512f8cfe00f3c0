package tech.brokerbridge.ibkr.internal.conn;

import java.time.Duration;

/** Sleeps; injectable so tests of backoff and pacing never wait on the wall clock. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;

    Sleeper SYSTEM = d -> {
        long ms = d.toMillis();
        if (ms > 0) {
            Thread.sleep(ms);
        }
    };
}
