package tech.brokerbridge.http.internal.limit;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Warnings that a client can make the server repeat, logged at most once a minute each: the first one
 * as it is, the rest of that minute counted, then one line "N more in the last minute". A warning is
 * identified by its message template, so the same failure with other arguments counts as a repeat.
 *
 * <p>Thread-safe. The summary is written by the next warning of that template after its minute, or by
 * {@link #flushAll}, which the server calls periodically so that a summary is never held back long.
 */
public final class RepeatedWarnings {
    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);
    private static final List<RepeatedWarnings> ALL = new CopyOnWriteArrayList<>();

    private final Logger log;
    private final LongSupplier nanos;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    /** One minute of one template: when it opened and how many warnings it held back. */
    private static final class Window {
        long start;
        long suppressed;
        boolean open;
    }

    /** @param nanos a monotonic time source in nanoseconds; tests pass a controllable one */
    public RepeatedWarnings(Logger log, LongSupplier nanos) {
        this.log = log;
        this.nanos = nanos;
    }

    /** A throttle over {@code log} on {@link System#nanoTime}, flushed by {@link #flushAll}. */
    public static RepeatedWarnings of(Logger log) {
        RepeatedWarnings w = new RepeatedWarnings(log, System::nanoTime);
        ALL.add(w);
        return w;
    }

    /** Logs {@code template} at WARN unless it was logged less than a minute ago (then it is counted). */
    public void warn(String template, Object... args) {
        long now = nanos.getAsLong();
        Window w = windows.computeIfAbsent(template, k -> new Window());
        long held;
        synchronized (w) {
            if (w.open && now - w.start < MINUTE) {
                w.suppressed++;
                return;
            }
            held = w.open ? w.suppressed : 0;
            w.open = true;
            w.start = now;
            w.suppressed = 0;
        }
        summary(template, held);
        log.warn(template, args);
    }

    /** Writes the summary of every template whose minute is over, and closes its window. */
    public void flush() {
        long now = nanos.getAsLong();
        windows.forEach((template, w) -> {
            long held;
            synchronized (w) {
                if (!w.open || now - w.start < MINUTE) {
                    return;
                }
                held = w.suppressed;
                w.open = false;
                w.suppressed = 0;
            }
            summary(template, held);
        });
    }

    /** {@link #flush} on every throttle made by {@link #of}. */
    public static void flushAll() {
        ALL.forEach(RepeatedWarnings::flush);
    }

    private void summary(String template, long held) {
        if (held > 0) {
            log.warn("{} more in the last minute: {}", held, template.replace("{}", "…"));
        }
    }
}
