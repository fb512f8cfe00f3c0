package tech.brokerbridge.core.internal.loop;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.core.internal.risk.KillSwitch;

/**
 * Runs a scan at once and then every interval on one scheduler thread, while started. A scan that
 * throws is logged and the loop goes on. Refuses to start while the kill switch is engaged.
 * Thread-safe.
 */
public final class TradingLoop {
    private static final Logger LOG = LoggerFactory.getLogger(TradingLoop.class);
    private final Scanner scanner;
    private final KillSwitch killSwitch;
    private final ScheduledExecutorService scheduler;
    private final ScanState scans;
    private Duration interval;
    private ScheduledFuture<?> task;
    private volatile boolean active;

    public TradingLoop(Scanner scanner, KillSwitch killSwitch, ScheduledExecutorService scheduler, Duration interval,
            ScanState scans) {
        this.scanner = Objects.requireNonNull(scanner, "scanner");
        this.scans = Objects.requireNonNull(scans, "scans");
        this.killSwitch = Objects.requireNonNull(killSwitch, "killSwitch");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.interval = Objects.requireNonNull(interval, "interval");
    }

    /** Starts the loop (idempotent); false when the kill switch is engaged or the desk is closed. */
    public synchronized boolean start() {
        if (killSwitch.engaged() || scheduler.isShutdown()) {
            return false;
        }
        if (task == null) {
            task = scheduler.scheduleAtFixedRate(this::tick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
            active = true;
            scans.loop(true);
            LOG.info("trading loop started, every {}", interval);
        }
        return true;
    }

    /**
     * Changes the interval; a running loop scans next one new interval from now. The same interval
     * changes nothing.
     */
    public synchronized void interval(Duration next) {
        if (Objects.requireNonNull(next, "interval").equals(interval)) {
            return;
        }
        interval = next;
        if (task != null) {
            task.cancel(false);
            task = scheduler.scheduleAtFixedRate(this::tick, next.toMillis(), next.toMillis(), TimeUnit.MILLISECONDS);
            scans.nextIn(next);
        }
    }

    public synchronized void stop() {
        if (task != null) {
            task.cancel(false);
            task = null;
            active = false;
            scans.loop(false);
            LOG.info("trading loop stopped");
        }
    }

    /** Whether the loop is started; a volatile read that never blocks. */
    public boolean active() {
        return active;
    }

    private void tick() {
        synchronized (this) {
            if (!active) {
                return;
            }
            scans.nextIn(interval);
        }
        try {
            var report = scanner.scan();
            LOG.info("scan {}: {} symbols, {} decisions, {} errors", report.scanId(), report.symbolsScanned(),
                    report.decisions().size(), report.errors().size());
        } catch (Exception e) { // top-level handler: a failed scan must never end the loop
            LOG.warn("scan failed: {}", e.toString());
        }
    }
}
