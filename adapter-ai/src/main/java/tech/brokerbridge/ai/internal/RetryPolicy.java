package tech.brokerbridge.ai.internal;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before retry number {@code n} (1-based): what the provider asks for first
 * ({@code retry-after-ms}, then {@code Retry-After} in seconds or as an HTTP date, then a delay in
 * the error body), else exponential backoff 0.5 s·2^(n−1), at most 8 s, with 25 % jitter — the
 * Stainless SDKs' rule.
 */
final class RetryPolicy {
    private static final Duration BASE = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(8);
    private final Clock clock;

    RetryPolicy(Clock clock) {
        this.clock = clock;
    }

    Duration waitBefore(int retry, HttpHeaders headers, Optional<Duration> bodyDelay) {
        return asked(headers).or(() -> bodyDelay).orElseGet(() -> backoff(retry));
    }

    Duration backoff(int retry) {
        long ms = Math.min(MAX_BACKOFF.toMillis(), BASE.toMillis() << Math.min(retry - 1, 10));
        double jitter = 1 - 0.25 * ThreadLocalRandom.current().nextDouble();
        return Duration.ofMillis(Math.round(ms * jitter));
    }

    /** The wait the response headers ask for, if any (never negative). */
    Optional<Duration> asked(HttpHeaders headers) {
        Optional<String> ms = headers.firstValue("retry-after-ms");
        if (ms.isPresent()) {
            try {
                return Optional.of(nonNegative(Duration.ofMillis(Math.round(Double.parseDouble(ms.get().trim())))));
            } catch (NumberFormatException e) {
                // fall through to Retry-After
            }
        }
        Optional<String> ra = headers.firstValue("retry-after").map(String::trim);
        if (ra.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(nonNegative(Duration.ofMillis(Math.round(Double.parseDouble(ra.get()) * 1000))));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(ra.get(), DateTimeFormatter.RFC_1123_DATE_TIME);
                return Optional.of(nonNegative(Duration.between(clock.instant(), at.toInstant())));
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
