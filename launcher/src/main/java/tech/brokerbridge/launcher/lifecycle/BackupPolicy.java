package tech.brokerbridge.launcher.lifecycle;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tech.brokerbridge.ports.config.Setting;
import tech.brokerbridge.ports.config.SettingGroup;
import tech.brokerbridge.ports.config.SettingsView;

/**
 * How the journal is backed up automatically. Declares its settings ({@link #SETTINGS}) and builds
 * itself from configured values with {@link #from}.
 *
 * @param keep how many automatic backups (daily and before a migration) are kept; older ones are deleted
 * @param interval how old the newest automatic backup may get before the running desk makes another
 */
public record BackupPolicy(int keep, Duration interval) {
    public static final Setting<Integer> KEEP = Setting.integer("backups.keep", 1, 1000, 7,
            "automatic journal backups kept in backups/ (older ones are deleted)");
    public static final Setting<Integer> INTERVAL_HOURS = Setting.integer("backups.interval_hours", 1, 720, 24,
            "hours between automatic journal backups while the desk runs");
    public static final SettingGroup SETTINGS = SettingGroup.of("BackupPolicy", List.of(KEEP, INTERVAL_HOURS));

    public BackupPolicy {
        Objects.requireNonNull(interval, "interval");
        SETTINGS.require(Map.of(KEEP, keep));
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive, was " + interval);
        }
    }

    /** From {@code backups.keep} and {@code backups.interval_hours}. */
    public static BackupPolicy from(SettingsView settings) {
        return new BackupPolicy(settings.get(KEEP), Duration.ofHours(settings.get(INTERVAL_HOURS)));
    }
}
