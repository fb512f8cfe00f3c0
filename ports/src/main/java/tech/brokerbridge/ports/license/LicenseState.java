package tech.brokerbridge.ports.license;

import java.time.Instant;
import java.util.Optional;
import tech.brokerbridge.ports.Require;

/**
 * The desk's license state as its policy decided it, with a human reason.
 *
 * @param liveTradingAllowed whether live (not paper) trading is allowed in this state
 */
public record LicenseState(LicenseStatus status, String reason, boolean liveTradingAllowed,
        Optional<Instant> expiresAt, Optional<Instant> graceUntil, Optional<Instant> lastCheckedAt,
        String installationId) {
    public LicenseState {
        Require.nonNull("status", status, "reason", reason, "expiresAt", expiresAt, "graceUntil", graceUntil,
                "lastCheckedAt", lastCheckedAt, "installationId", installationId);
    }

    /** True when the API may serve requests in this state. */
    public boolean valid() {
        return status != LicenseStatus.INVALID;
    }

    /**
     * The status and the reason in one phrase, the status said once: {@code evaluation: paper trading
     * only; 14 days left (…)}, {@code invalid: the 14-day evaluation ended …}.
     */
    public String summary() {
        String prefix = status.wire() + ":";
        return reason.startsWith(prefix) ? reason : prefix + " " + reason;
    }

    /**
     * The trading this state allows: {@code live} (live and paper) when {@link #liveTradingAllowed},
     * {@code paper} when only paper trading is allowed (evaluation), {@code none} when invalid.
     */
    public String mode() {
        if (liveTradingAllowed) {
            return "live";
        }
        return valid() ? "paper" : "none";
    }
}
