package tech.brokerbridge.http.internal.routes;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Optional;
import tech.brokerbridge.ports.desk.Health;

/** {@code GET /api/health}; {@code last_scan_at} and {@code next_scan_at} are null when there is none. */
record HealthAnswer(String status, String version, boolean tradingLoopActive, boolean killSwitchEngaged,
        Optional<Instant> lastScanAt, Optional<Instant> nextScanAt, boolean scanInProgress, Services services) {

    record Services(String api, Broker broker, Ai ai, License license, Secrets secrets) {
    }

    record Broker(String name, boolean connected, String message) {
    }

    record Ai(String provider, boolean connected, String message) {
    }

    record License(String status) {
    }

    /** {@code warning} only when there is one. */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record Secrets(String backend, boolean available, Optional<String> warning) {
    }

    static HealthAnswer of(Health h) {
        Services services = new Services("healthy",
                new Broker(h.broker().name(), h.broker().connected(), h.broker().message()),
                new Ai(h.ai().name(), h.ai().connected(), h.ai().message()), new License(h.license().wire()),
                new Secrets(h.secrets().backend(), h.secrets().available(), h.secrets().warning()));
        return new HealthAnswer(h.status(), h.version(), h.tradingLoopActive(), h.killSwitchEngaged(), h.lastScanAt(),
                h.nextScanAt(), h.scanInProgress(), services);
    }
}
