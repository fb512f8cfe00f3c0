package tech.brokerbridge.ports.tck;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs one task on several threads released together, for tests of what holds under concurrency. */
public final class AtOnce {
    private AtOnce() {
    }

    /**
     * Starts {@code threads} copies of {@code task}, lets them all go at once and returns their results
     * in start order; waits at most {@code timeout} for each, and stops the threads in any case.
     */
    public static <T> List<T> run(int threads, Duration timeout, Callable<T> task) throws Exception {
        return all(timeout, Collections.nCopies(threads, task));
    }

    /** Like {@link #run}, one thread for each of {@code tasks}. */
    public static <T> List<T> all(Duration timeout, List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return task.call();
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
