package tech.brokerbridge.ports.advisor;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One request/response exchange with an AI provider, exactly as the bytes went over the wire
 * (bodies as text; the auth header is never included). Written to the journal's AI audit.
 */
public record AiExchange(Instant time, String provider, String model, String url, String requestBody,
        int status, String responseBody, Duration latency, OptionalLong inputTokens, OptionalLong outputTokens) {
    public AiExchange {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(requestBody, "requestBody");
        Objects.requireNonNull(responseBody, "responseBody");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(inputTokens, "inputTokens");
        Objects.requireNonNull(outputTokens, "outputTokens");
    }
}
