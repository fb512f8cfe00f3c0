package tech.brokerbridge.ports.advisor;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import tech.brokerbridge.ports.Require;

/**
 * One request/response exchange with an AI provider, exactly as the bytes went over the wire
 * (bodies as text; the auth header is never included). Written to the journal's AI audit.
 */
public record AiExchange(Instant time, String provider, String model, String url, String requestBody,
        int status, String responseBody, Duration latency, OptionalLong inputTokens, OptionalLong outputTokens) {
    public AiExchange {
        Require.nonNull("time", time, "provider", provider, "model", model, "url", url, "requestBody", requestBody,
                "responseBody", responseBody, "latency", latency, "inputTokens", inputTokens,
                "outputTokens", outputTokens);
    }
}
