package tech.brokerbridge.http.internal.routes;

import java.time.Instant;
import java.util.Optional;
import tech.brokerbridge.ports.license.LicenseState;

/** {@code GET /api/license}, activation's and refresh's answer. {@code mode}: {@code live} or {@code paper}. */
record LicenseAnswer(String status, boolean valid, String reason, String mode, Optional<Instant> expiresAt,
        Optional<Instant> graceUntil, Optional<Instant> lastCheckedAt, String installationId) {

    static LicenseAnswer of(LicenseState l) {
        return new LicenseAnswer(l.status().wire(), l.valid(), l.reason(), l.liveTradingAllowed() ? "live" : "paper",
                l.expiresAt(), l.graceUntil(), l.lastCheckedAt(), l.installationId());
    }
}
