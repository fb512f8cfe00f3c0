package tech.brokerbridge.core.internal.license;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/** Queues tasks until the test runs them, so "in the background" is observable and deterministic. */
final class ManualExecutor implements Executor {
    private final Queue<Runnable> tasks = new ArrayDeque<>();

    @Override
    public synchronized void execute(Runnable task) {
        tasks.add(task);
    }

    synchronized int pending() {
        return tasks.size();
    }

    /** Runs the queued tasks (and any they queue) on the calling thread. */
    void runAll() {
        while (true) {
            Runnable next;
            synchronized (this) {
                next = tasks.poll();
            }
            if (next == null) {
                return;
            }
            next.run();
        }
    }
}
