package tech.brokerbridge.ai.fake;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * One answer of a {@link FakeProviderServer}: status, headers, JSON body, and how long to hold it
 * first ({@code delay}; the hold ends early, unanswered, when the server closes).
 */
public record Canned(int status, Map<String, String> headers, String body, Duration delay) {
    public Canned {
        headers = Map.copyOf(headers);
    }

    public static Canned of(int status, String body) {
        return new Canned(status, Map.of(), body, Duration.ZERO);
    }

    /** An answer held until the server closes (at most 10 s): a provider that never answers. */
    public static Canned hanging() {
        return of(200, "{}").after(Duration.ofSeconds(10));
    }

    public Canned withHeader(String name, String value) {
        Map<String, String> h = new TreeMap<>(headers);
        h.put(name, value);
        return new Canned(status, h, body, delay);
    }

    public Canned after(Duration wait) {
        return new Canned(status, headers, body, wait);
    }
}
