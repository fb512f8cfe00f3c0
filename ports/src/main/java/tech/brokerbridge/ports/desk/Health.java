package tech.brokerbridge.ports.desk;

import java.util.Objects;
import java.util.Optional;
import tech.brokerbridge.ports.license.LicenseStatus;

/** What is true of the desk now, as {@code GET /api/health} shows it. */
public record Health(String status, String version, boolean tradingLoopActive, boolean killSwitchEngaged,
        Service broker, Service ai, LicenseStatus license, Secrets secrets) {
    public Health {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(ai, "ai");
        Objects.requireNonNull(license, "license");
        Objects.requireNonNull(secrets, "secrets");
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
