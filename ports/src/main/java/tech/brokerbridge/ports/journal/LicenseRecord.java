package tech.brokerbridge.ports.journal;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import tech.brokerbridge.ports.Require;

/**
 * What the desk keeps about its license between runs, so that a restarted desk serves at once from
 * its last state. It never holds a license key, an API key or a subscription id (those live in the
 * vault only).
 *
 * @param firstStart the desk's very first start: the evaluation begins there
 * @param answer the license provider's last definitive answer, if any
 * @param outage present while the checks since that answer failed to reach the provider
 */
public record LicenseRecord(Instant firstStart, Optional<Answer> answer, Optional<Outage> outage) {
    public LicenseRecord {
        Require.nonNull("firstStart", firstStart, "answer", answer, "outage", outage);
    }

    /** Only the first start: no key was ever checked. */
    public static LicenseRecord firstStartedAt(Instant firstStart) {
        return new LicenseRecord(firstStart, Optional.empty(), Optional.empty());
    }

    /** A definitive answer from the license provider, obtained at {@code at}. */
    public sealed interface Answer {
        Instant at();
    }

    /**
     * The subscription exists.
     *
     * @param status the provider's status word, e.g. {@code active}
     * @param boundTo the installation id in the subscription's metadata, if any
     */
    public record Found(Instant at, String status, Optional<String> boundTo, Optional<Instant> periodEnd)
            implements Answer {
        public Found {
            Require.nonNull("at", at, "status", status, "boundTo", boundTo, "periodEnd", periodEnd);
        }
    }

    /** The provider knows no such subscription. */
    public record NotFound(Instant at) implements Answer {
        public NotFound {
            Objects.requireNonNull(at, "at");
        }
    }

    /** The provider refused the API key. */
    public record KeyRefused(Instant at) implements Answer {
        public KeyRefused {
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * The provider could not be asked: since {@code since} (the first failure after the last answer),
     * most recently at {@code lastAttempt}, for the reason given.
     */
    public record Outage(Instant since, Instant lastAttempt, String reason) {
        public Outage {
            Require.nonNull("since", since, "lastAttempt", lastAttempt, "reason", reason);
        }
    }
}
