package tech.brokerbridge.core.internal.license;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** What the license policy decides from. */
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
    record Subscription(Instant firstStart, Optional<Answer> answer, Optional<Outage> outage)
            implements LicenseEvidence {
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
            return answer.map(Answer::at);
        }
    }

    /** A definitive answer from the license provider, obtained at {@code at}. */
    sealed interface Answer {
        Instant at();
    }

    /**
     * The subscription exists.
     *
     * @param status Stripe's status word, e.g. {@code active}
     * @param boundTo the installation id in the subscription's metadata, if any
     */
    record Found(Instant at, String status, Optional<String> boundTo, Optional<Instant> periodEnd) implements Answer {
        public Found {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(boundTo, "boundTo");
            Objects.requireNonNull(periodEnd, "periodEnd");
        }
    }

    /** Stripe knows no such subscription. */
    record NotFound(Instant at) implements Answer {
        public NotFound {
            Objects.requireNonNull(at, "at");
        }
    }

    /** Stripe refused the API key. */
    record KeyRefused(Instant at) implements Answer {
        public KeyRefused {
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * Stripe could not be asked: since {@code since} (the first failure after the last answer), most
     * recently at {@code lastAttempt}, for the reason given.
     */
    record Outage(Instant since, Instant lastAttempt, String reason) {
        public Outage {
            Objects.requireNonNull(since, "since");
            Objects.requireNonNull(lastAttempt, "lastAttempt");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
