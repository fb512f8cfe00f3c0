package tech.brokerbridge.core.internal.loop;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import tech.brokerbridge.ports.PortException;
import tech.brokerbridge.ports.desk.ScanReport;

/**
 * Runs scans one at a time. A call made while a scan is running does not start another: it waits
 * for the running one and returns the same report (or fails with the same exception).
 */
public final class Scanner {
    private final ScanPipeline pipeline;
    private final AtomicReference<CompletableFuture<ScanReport>> running = new AtomicReference<>();

    public Scanner(ScanPipeline pipeline) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    }

    public ScanReport scan() {
        CompletableFuture<ScanReport> mine = new CompletableFuture<>();
        CompletableFuture<ScanReport> other = running.compareAndExchange(null, mine);
        if (other != null) {
            return join(other);
        }
        try {
            ScanReport report = pipeline.run();
            mine.complete(report);
            return report;
        } catch (PortException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            if (!mine.isDone()) {
                mine.completeExceptionally(new IllegalStateException("the running scan failed unexpectedly"));
            }
            running.set(null);
        }
    }

    private static ScanReport join(CompletableFuture<ScanReport> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof PortException pe) {
                throw pe;
            }
            throw new IllegalStateException("the running scan failed: " + e.getCause(), e.getCause());
        }
    }
}
