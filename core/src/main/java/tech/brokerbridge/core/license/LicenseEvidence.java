package tech.brokerbridge.core.license;

import java.time.Instant;
import java.util.Objects;

/**
 * What the license policy decides from. Today only the evaluation exists; the license issue adds
 * the evidence a Stripe-backed subscription gives (a permitted record here and a branch in
 * {@link LicensePolicy#decide}).
 */
public sealed interface LicenseEvidence {
    /** No license key: the evaluation that began at the desk's first start. */
    record Evaluation(Instant firstStart) implements LicenseEvidence {
        public Evaluation {
            Objects.requireNonNull(firstStart, "firstStart");
        }
    }
}
