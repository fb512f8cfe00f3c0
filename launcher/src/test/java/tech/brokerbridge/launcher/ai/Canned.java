package tech.brokerbridge.launcher.ai;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One answer of a {@link ProviderFake}: status, headers, JSON body, and how long to hold it first
 * ({@code delay}; the hold ends early when the fake closes).
 */
record Canned(int status, Map<String, String> headers, String body, Duration delay) {
    static Canned json(int status, String body) {
        return new Canned(status, Map.of(), body, Duration.ZERO);
    }

    Canned withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new Canned(status, h, body, delay);
    }

    Canned after(Duration wait) {
        return new Canned(status, headers, body, wait);
    }
}
