package tech.brokerbridge.core.internal.license;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import tech.brokerbridge.ports.journal.LicenseRecord;

/** What the license policy decides from; the answers and outages are the journal's {@link LicenseRecord}s. */
public sealed interface LicenseEvidence {
    /** No license key: the evaluation that began at the desk's first start. */
    record Evaluation(Instant firstStart) implements LicenseEvidence {
        public Evaluation {
            Objects.requireNonNull(firstStart, "firstStart");
        }
    }

    /**
     * A license key is saved (or was, until the vault says otherwise).
     *
     * @param answer Stripe's last definitive answer, if any: the one that decides licensed or invalid
     * @param outage present while the checks since that answer failed to reach Stripe
     */
    record Subscription(Instant firstStart, Optional<LicenseRecord.Answer> answer,
            Optional<LicenseRecord.Outage> outage) implements LicenseEvidence {
        public Subscription {
            Objects.requireNonNull(firstStart, "firstStart");
            Objects.requireNonNull(answer, "answer");
            Objects.requireNonNull(outage, "outage");
        }

        /** The time of the last attempt to ask Stripe, successful or not. */
        public Optional<Instant> lastCheckedAt() {
            if (outage.isPresent()) {
                return Optional.of(outage.get().lastAttempt());
            }
            return answer.map(LicenseRecord.Answer::at);
        }
    }
}
