package tech.brokerbridge.ai.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final RetryPolicy policy =
            new RetryPolicy(Clock.fixed(Instant.parse("2026-11-03T14:30:00Z"), ZoneOffset.UTC));

    @Test
    void prefersRetryAfterMsThenRetryAfterThenTheBodyThenBackoff() {
        assertEquals(Duration.ofMillis(250), wait(Map.of("retry-after-ms", "250", "retry-after", "9"), Optional.empty()));
        assertEquals(Duration.ofMillis(1500), wait(Map.of("retry-after", "1.5"), Optional.of(Duration.ofSeconds(7))));
        assertEquals(Duration.ofSeconds(7), wait(Map.of(), Optional.of(Duration.ofSeconds(7))));
        Duration backoff = wait(Map.of(), Optional.empty());
        assertTrue(backoff.toMillis() >= 375 && backoff.toMillis() <= 500, backoff.toString());
    }

    @Test
    void readsAnHttpDateAgainstTheClock() {
        assertEquals(Duration.ofSeconds(12), wait(Map.of("retry-after", "Tue, 03 Nov 2026 14:30:12 GMT"), Optional.empty()));
        assertEquals(Duration.ZERO, wait(Map.of("retry-after", "Tue, 03 Nov 2026 14:29:00 GMT"), Optional.empty()));
    }

    @Test
    void backoffDoublesUpTo8Seconds() {
        for (int retry = 1; retry <= 6; retry++) {
            long max = Math.min(8000, 500L << (retry - 1));
            long ms = policy.backoff(retry).toMillis();
            assertTrue(ms >= max * 3 / 4 && ms <= max, "retry " + retry + ": " + ms);
        }
    }

    @Test
    void ignoresGarbage() {
        Duration d = wait(Map.of("retry-after", "soon"), Optional.empty());
        assertTrue(d.toMillis() <= 500);
    }

    private Duration wait(Map<String, String> headers, Optional<Duration> body) {
        HttpHeaders h = HttpHeaders.of(
                headers.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                        e -> List.of(e.getValue()))), (a, b) -> true);
        return policy.waitBefore(1, h, body);
    }
}
