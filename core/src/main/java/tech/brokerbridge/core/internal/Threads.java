package tech.brokerbridge.core.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The desk's named daemon threads. */
final class Threads {
    private Threads() {
    }

    static ThreadFactory named(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "brokerbridge-" + name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    static ScheduledExecutorService scheduler(String name) {
        return Executors.newSingleThreadScheduledExecutor(named(name));
    }

    static ExecutorService single(String name) {
        return Executors.newSingleThreadExecutor(named(name));
    }

    static ExecutorService cached(String name) {
        return Executors.newCachedThreadPool(named(name));
    }

    static void stop(ExecutorService e, long waitSeconds) {
        e.shutdownNow();
        try {
            e.awaitTermination(waitSeconds, TimeUnit.SECONDS);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
    }
}
