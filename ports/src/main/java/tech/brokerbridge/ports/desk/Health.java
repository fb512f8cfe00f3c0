package tech.brokerbridge.ports.desk;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tech.brokerbridge.ports.license.LicenseStatus;
import tech.brokerbridge.ports.notify.ChannelStatus;

/**
 * What is true of the desk now, as {@code GET /api/health} shows it.
 *
 * @param lastScanAt when the last scan finished; empty before the first one
 * @param nextScanAt when the trading loop scans next; empty while it is stopped
 * @param scanInProgress whether a scan is running now
 * @param notifications the notification channels the user configured, and only those
 */
public record Health(String status, String version, boolean tradingLoopActive, boolean killSwitchEngaged,
        Service broker, Service ai, LicenseStatus license, Secrets secrets, Optional<Instant> lastScanAt,
        Optional<Instant> nextScanAt, boolean scanInProgress, List<ChannelStatus> notifications) {
    public Health {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(ai, "ai");
        Objects.requireNonNull(license, "license");
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(lastScanAt, "lastScanAt");
        Objects.requireNonNull(nextScanAt, "nextScanAt");
        notifications = List.copyOf(notifications);
    }

    /** Without notification channels. */
    public Health(String status, String version, boolean tradingLoopActive, boolean killSwitchEngaged,
            Service broker, Service ai, LicenseStatus license, Secrets secrets, Optional<Instant> lastScanAt,
            Optional<Instant> nextScanAt, boolean scanInProgress) {
        this(status, version, tradingLoopActive, killSwitchEngaged, broker, ai, license, secrets, lastScanAt,
                nextScanAt, scanInProgress, List.of());
    }

    /** Health with no scan made, none planned and none running, and no notification channel. */
    public Health(String status, String version, boolean tradingLoopActive, boolean killSwitchEngaged,
            Service broker, Service ai, LicenseStatus license, Secrets secrets) {
        this(status, version, tradingLoopActive, killSwitchEngaged, broker, ai, license, secrets, Optional.empty(),
                Optional.empty(), false, List.of());
    }

    /** A connected service (broker or AI provider). */
    public record Service(String name, boolean connected, String message) {
        public Service {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(message, "message");
        }
    }

    /** The secret store. */
    public record Secrets(String backend, boolean available, Optional<String> warning) {
        public Secrets {
            Objects.requireNonNull(backend, "backend");
            Objects.requireNonNull(warning, "warning");
        }
    }
}
