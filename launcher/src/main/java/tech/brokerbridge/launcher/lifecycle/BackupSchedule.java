package tech.brokerbridge.launcher.lifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.ports.journal.JournalException;

/**
 * The running desk's automatic backups: on its own thread, at start and then every
 * {@value #CHECK_MINUTES} minutes, it makes a daily backup when the newest automatic one is older than
 * the policy's interval. The check uses the backups' names, so a restarted desk does not back up again
 * before the interval is over.
 */
public final class BackupSchedule implements AutoCloseable {
    static final long CHECK_MINUTES = 30;
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(BackupSchedule.class);
    private final JournalBackups backups;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "brokerbridge-backup");
        t.setDaemon(true);
        return t;
    });

    public BackupSchedule(JournalBackups backups) {
        this.backups = backups;
    }

    /** Checks at once (off the caller's thread), then every {@value #CHECK_MINUTES} minutes. */
    public void start() {
        executor.scheduleWithFixedDelay(this::backUpIfDue, 0, CHECK_MINUTES, TimeUnit.MINUTES);
    }

    private void backUpIfDue() {
        try {
            if (backups.due()) {
                backups.make(JournalBackups.Kind.DAILY);
            }
        } catch (JournalException | java.io.UncheckedIOException e) {
            LOG.error("the daily journal backup failed (next try in {} minutes): {}", CHECK_MINUTES, e.getMessage());
        }
    }

    /** Stops the schedule, waiting up to 30 s for a backup in progress. Idempotent. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                LOG.warn("a journal backup was still running after {} s; it is abandoned", STOP_WAIT.toSeconds());
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
