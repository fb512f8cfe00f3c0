package tech.brokerbridge.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ai.Support.RecordingSleeper;
import tech.brokerbridge.ai.fake.Canned;
import tech.brokerbridge.ai.fake.FakeProviderServer;
import tech.brokerbridge.ai.fake.ProviderApi;
import tech.brokerbridge.ai.fake.ProviderJson;
import tech.brokerbridge.ports.advisor.Advice;
import tech.brokerbridge.ports.advisor.AdvisorException;
import tech.brokerbridge.ports.advisor.AdvisorException.Kind;
import tech.brokerbridge.ports.advisor.DecisionRequest;
import tech.brokerbridge.ports.tck.AdvisorContract;

/** What one provider does differently from the others. */
class ProviderQuirksTest {
    private static final DecisionRequest REQUEST = AdvisorContract.strongLong("AAPL");
    private final RecordingSleeper sleeper = new RecordingSleeper();

    @Test
    void openAiOutOfCreditIsNotRetried() {
        Canned quota = ProviderJson.error(429, Map.of("error", Map.of("message", "You exceeded your current quota",
                "type", "insufficient_quota", "param", ProviderJson.NULL, "code", "insufficient_quota")));
        AdvisorException e = failsWithoutRetry(ProviderApi.OPENAI, quota);
        assertEquals(Kind.RATE_LIMITED, e.kind());
        assertTrue(e.getMessage().contains("out of credit"), e.getMessage());
    }

    @Test
    void openRouterErrorInsideA200GetsARepair() {
        Canned midStream = Canned.of(200, ProviderJson.json(Map.of("id", "gen-9", "object", "chat.completion",
                "created", 1_780_000_000L, "model", "openai/gpt-5.4-mini",
                "error", Map.of("code", 502, "message", "upstream disconnected"),
                "choices", List.of(Map.of("index", 0, "finish_reason", "error", "logprobs", ProviderJson.NULL,
                        "message", Map.of("role", "assistant", "content", "", "refusal", ProviderJson.NULL))))));
        try (FakeProviderServer server = new FakeProviderServer(ProviderApi.OPENROUTER, Support.key(ProviderApi.OPENROUTER))
                .then(midStream)) {
            Advice advice = Support.advisor(ProviderApi.OPENROUTER, server, Support.vault(), sleeper).decide(REQUEST);
            assertEquals(List.of(200, 200), ProviderFailureTest.statuses(advice.exchanges()));
            assertTrue(server.requests().get(1).body().contains("upstream disconnected"));
        }
    }

    @Test
    void openRouterModerationBlockIsNotABadKey() {
        Canned blocked = ProviderJson.error(403, Map.of("error", Map.of("code", 403, "message", "Input was flagged",
                "metadata", Map.of("reasons", List.of("violence"), "flagged_input", "..."))));
        AdvisorException e = failsWithoutRetry(ProviderApi.OPENROUTER, blocked);
        assertEquals(Kind.INVALID_RESPONSE, e.kind());
        assertTrue(e.getMessage().contains("moderation"), e.getMessage());
    }

    @Test
    void anthropicOverloadIsNotRetriedWhenTheServerSaysSo() {
        Canned noRetry = ProviderApi.CLAUDE.overloaded().withHeader("x-should-retry", "false");
        AdvisorException e = failsWithoutRetry(ProviderApi.CLAUDE, noRetry);
        assertEquals(Kind.UNREACHABLE, e.kind());
        assertTrue(e.getMessage().contains("overloaded_error"), e.getMessage());
    }

    @Test
    void geminiWithoutAKeyIs403PermissionDenied() {
        Canned noKey = ProviderJson.error(403, Map.of("error", Map.of("code", 403,
                "message", "Method doesn't allow unregistered callers (callers without established identity).",
                "status", "PERMISSION_DENIED")));
        assertEquals(Kind.UNAUTHORIZED, failsWithoutRetry(ProviderApi.GOOGLE, noKey).kind());
    }

    @Test
    void geminiThoughtPartsAreSkipped() {
        Canned withThought = Canned.of(200, ProviderJson.json(Map.of("candidates", List.of(Map.of(
                "content", Map.of("role", "model", "parts", List.of(
                        Map.of("text", "Let me think about the breakout...", "thought", true),
                        Map.of("text", ProviderJson.VALID_ANSWER))),
                "finishReason", "STOP", "index", 0)))));
        try (FakeProviderServer server = new FakeProviderServer(ProviderApi.GOOGLE, Support.key(ProviderApi.GOOGLE))
                .then(withThought)) {
            Advice advice = Support.advisor(ProviderApi.GOOGLE, server, Support.vault(), sleeper).decide(REQUEST);
            assertEquals(1, advice.exchanges().size());
            assertTrue(advice.exchanges().get(0).inputTokens().isEmpty(), "no usage reported, none invented");
        }
    }

    /** What {@code decide} throws when the provider's fake answers {@code answer}, after exactly one request. */
    private AdvisorException failsWithoutRetry(ProviderApi api, Canned answer) {
        try (FakeProviderServer server = new FakeProviderServer(api, Support.key(api)).then(answer)) {
            AdvisorException e = assertThrows(AdvisorException.class,
                    () -> Support.advisor(api, server, Support.vault(), sleeper).decide(REQUEST));
            assertEquals(1, server.requests().size(), "not retried");
            return e;
        }
    }

    @Test
    void anthropicAcceptsAdjustedPricesWithinTheRules() {
        String adjusted = "{\"decision\":\"approve\",\"conviction\":0.81,\"thesis_summary\":\"Tighter stop.\","
                + "\"stop_price\":100.5}";
        try (FakeProviderServer server = new FakeProviderServer(ProviderApi.CLAUDE, Support.key(ProviderApi.CLAUDE))
                .then(ProviderApi.CLAUDE.ok(adjusted))) {
            Advice advice = Support.advisor(ProviderApi.CLAUDE, server, Support.vault(), sleeper).decide(REQUEST);
            assertEquals(100.5, advice.stopPrice().getAsDouble(), 1e-9);
            assertTrue(advice.entryPrice().isEmpty() && advice.targetPrice().isEmpty());
            AdvisorContract.assertValidAdvice(REQUEST, advice);
        }
    }
}
