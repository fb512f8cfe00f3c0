package tech.brokerbridge.core.internal;

import java.time.Duration;

/**
 * Internal timings that are not user configuration.
 *
 * @param advisorDeadline the longest the desk waits for one advisor answer (a backstop above the
 *     adapter's own timeout and retries); past it the setup is recorded {@code ai_timeout}
 * @param maintenanceInterval how often overdue proposals expire, outcome-unknown submissions are
 *     reconciled and the license state is refreshed
 * @param healthWatchInterval how often the in-memory health (broker connection, AI provider, license) is
 *     compared with the last state seen, to publish its changes as events
 */
public record DeskTuning(Duration advisorDeadline, Duration maintenanceInterval, Duration healthWatchInterval) {
    /** With a health watch every second. */
    public DeskTuning(Duration advisorDeadline, Duration maintenanceInterval) {
        this(advisorDeadline, maintenanceInterval, Duration.ofSeconds(1));
    }

    public static DeskTuning defaults() {
        return new DeskTuning(Duration.ofSeconds(90), Duration.ofSeconds(30), Duration.ofSeconds(1));
    }
}
