package tech.brokerbridge.core.internal;

import java.time.Duration;

/**
 * Internal timings that are not user configuration.
 *
 * @param advisorDeadline the longest the desk waits for one advisor answer (a backstop above the
 *     adapter's own timeout and retries); past it the setup is recorded {@code ai_timeout}
 * @param maintenanceInterval how often overdue proposals expire, outcome-unknown submissions are
 *     reconciled and the license state is refreshed
 */
public record DeskTuning(Duration advisorDeadline, Duration maintenanceInterval) {
    public static DeskTuning defaults() {
        return new DeskTuning(Duration.ofSeconds(90), Duration.ofSeconds(30));
    }
}
