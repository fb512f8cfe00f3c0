package tech.brokerbridge.http.internal.routes;

import java.time.Instant;
import java.util.OptionalLong;
import tech.brokerbridge.ports.advisor.AiExchange;

/** One exchange with an AI provider, as the audit kept it. */
record AiExchangeAnswer(Instant time, String provider, String model, String url, int status, double latencyMs,
        OptionalLong inputTokens, OptionalLong outputTokens, String requestBody, String responseBody) {

    static AiExchangeAnswer of(AiExchange x) {
        return new AiExchangeAnswer(x.time(), x.provider(), x.model(), x.url(), x.status(),
                x.latency().toNanos() / 1_000_000.0, x.inputTokens(), x.outputTokens(), x.requestBody(),
                x.responseBody());
    }
}
