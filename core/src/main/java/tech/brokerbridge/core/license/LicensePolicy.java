package tech.brokerbridge.core.license;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import tech.brokerbridge.ports.license.LicenseState;
import tech.brokerbridge.ports.license.LicenseStatus;

/**
 * Decides the license state from the evidence and the time: a pure function.
 *
 * <p>Evaluation: {@code evaluation} (paper trading only) from the first start for the evaluation
 * period (14 days by default), then {@code invalid} with a reason that says how to fix it.
 */
public final class LicensePolicy {
    private final Duration evaluationPeriod;

    public LicensePolicy(Duration evaluationPeriod) {
        this.evaluationPeriod = Objects.requireNonNull(evaluationPeriod, "evaluationPeriod");
    }

    public LicenseState decide(LicenseEvidence evidence, Instant now, String installationId) {
        if (evidence instanceof LicenseEvidence.Evaluation e) {
            return evaluation(e, now, installationId);
        }
        throw new IllegalArgumentException("unknown license evidence: " + evidence.getClass().getSimpleName());
    }

    private LicenseState evaluation(LicenseEvidence.Evaluation e, Instant now, String installationId) {
        Instant end = e.firstStart().plus(evaluationPeriod);
        long days = evaluationPeriod.toDays();
        String endDay = end.atOffset(ZoneOffset.UTC).toLocalDate().toString();
        if (now.isBefore(end)) {
            long left = Duration.between(now, end).toDays();
            String reason = "evaluation: paper trading only; " + (left < 1 ? "less than a day" : left + " days")
                    + " left (ends on " + endDay + ")";
            return new LicenseState(LicenseStatus.EVALUATION, reason, false, Optional.of(end), Optional.empty(),
                    Optional.empty(), installationId);
        }
        String reason = "the " + days + "-day evaluation ended on " + endDay
                + " \u2014 activate a license key (POST /api/license/activate)";
        return new LicenseState(LicenseStatus.INVALID, reason, false, Optional.of(end), Optional.empty(),
                Optional.empty(), installationId);
    }
}
