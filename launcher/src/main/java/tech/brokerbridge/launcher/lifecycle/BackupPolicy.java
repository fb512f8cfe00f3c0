package tech.brokerbridge.launcher.lifecycle;

import java.time.Duration;
import java.util.Objects;
import tech.brokerbridge.launcher.config.Config;
import tech.brokerbridge.launcher.config.Settings;

/**
 * How the journal is backed up automatically.
 *
 * @param keep how many automatic backups (daily and before a migration) are kept; older ones are deleted
 * @param interval how old the newest automatic backup may get before the running desk makes another
 */
public record BackupPolicy(int keep, Duration interval) {
    public BackupPolicy {
        Objects.requireNonNull(interval, "interval");
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be at least 1, was " + keep);
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive, was " + interval);
        }
    }

    /** From {@code backups.keep} and {@code backups.interval_hours}. */
    public static BackupPolicy from(Config config) {
        return new BackupPolicy(config.integer(Settings.BACKUPS_KEEP),
                Duration.ofHours(config.integer(Settings.BACKUPS_INTERVAL_HOURS)));
    }
}
