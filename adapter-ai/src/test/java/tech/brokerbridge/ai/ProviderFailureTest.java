package tech.brokerbridge.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tech.brokerbridge.ai.Support.RecordingSleeper;
import tech.brokerbridge.ai.fake.Canned;
import tech.brokerbridge.ai.fake.FakeProviderServer;
import tech.brokerbridge.ai.fake.ProviderApi;
import tech.brokerbridge.ai.fake.ProviderJson;
import tech.brokerbridge.ports.Secret;
import tech.brokerbridge.ports.advisor.Advice;
import tech.brokerbridge.ports.advisor.AdvisorException;
import tech.brokerbridge.ports.advisor.AdvisorException.Kind;
import tech.brokerbridge.ports.advisor.AiExchange;
import tech.brokerbridge.ports.advisor.DecisionRequest;
import tech.brokerbridge.ports.tck.AdvisorContract;

/** Retries, timeouts, bad keys and bad answers, each against every provider's fake. */
class ProviderFailureTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DecisionRequest REQUEST = AdvisorContract.strongLong("AAPL");
    private final RecordingSleeper sleeper = new RecordingSleeper();

    @ParameterizedTest
    @EnumSource(ProviderApi.class)
    void retriesA429AfterTheWaitTheProviderAsksFor(ProviderApi f) {
        try (FakeProviderServer server = new FakeProviderServer(f, Support.key(f)).then(f.rateLimited("3"))) {
            Advice advice = Support.advisor(f, server, Support.vault(), sleeper).decide(REQUEST);
            assertEquals(List.of(429, 200), statuses(advice.exchanges()));
            assertEquals(List.of(Duration.ofSeconds(3)), sleeper.waits());
        }
    }

    @ParameterizedTest
    @EnumSource(ProviderApi.class)
    void retriesAnOverloadWithBackoffThenSucceeds(ProviderApi f) {
        try (FakeProviderServer server = new FakeProviderServer(f, Support.key(f)).then(f.overloaded(), f.overloaded())) {
            Advice advice = Support.advisor(f, server, Support.vault(), sleeper).decide(REQUEST);
            int overload = f.overloaded().status();
            assertEquals(List.of(overload, overload, 200), statuses(advice.exchanges()));
            List<Duration> waits = sleeper.waits();
            assertEquals(2, waits.size());
            assertBetween(waits.get(0), 375, 500);
            assertBetween(waits.get(1), 750, 1000);
        }
    }

    @ParameterizedTest
    @EnumSource(ProviderApi.class)
    void givesUpAfterTwoRetries(ProviderApi f) {
        try (FakeProviderServer server = new FakeProviderServer(f, Support.key(f))
                .then(f.overloaded(), f.overloaded(), f.overloaded(), f.ok(ProviderJson.VALID_ANSWER))) {
            AdvisorHandle advisor = Support.advisor(f, server, Support.vault(), sleeper);
            AdvisorException e = assertThrows(AdvisorException.class, () -> advisor.decide(REQUEST));
            assertEquals(Kind.UNREACHABLE, e.kind());
            assertTrue(e.getMessage().contains("HTTP " + f.overloaded().status()), e.getMessage());
            assertEquals(3, e.exchanges().size());
            assertEquals(3, server.requests().size());
            assertFalse(advisor.connected());
            assertEquals(Optional.of(Kind.UNREACHABLE), advisor.lastFailure());
        }
    }

    @ParameterizedTest
    @EnumSource(ProviderApi.class)
    void reportsRateLimitedWhenTheLimitPersists(ProviderApi f) {
        try (FakeProviderServer server = new FakeProviderServer(f, Support.key(f))
                .then(f.rateLimited("1"), f.rateLimited("1"), f.rateLimited("1"))) {
            AdvisorException e = assertThrows(AdvisorException.class,
                    () -> Support.advisor(f, server, Support.vault(), sleeper).decide(REQUEST));
            assertEquals(Kind.RATE_LIMITED, e.kind());
            assertEquals("ai_rate_limited", e.kind().code());
            assertEquals(List.of(429, 429, 429), statuses(e.exchanges()));
            assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(1)), sleeper.waits());
        }
    }

    @ParameterizedTest
    @EnumSource(ProviderApi.class)
    void doesNotWaitLongerThanTheCap(ProviderApi f) {
        try (FakeProviderServer server = new FakeProviderServer(f, Support.key(f)).then(f.rateLimited("120"))) {
            AdvisorException e = assertThrows(AdvisorException.class,
                    () -> Support.advisor(f, server, Support.vault(), sleeper).decide(REQUEST));
            assertEquals(Kind.RATE_LIMITED, e.kind());
            assertTrue(e.getMessage().contains("asks to wait 120 s"), e.getMessage());
            assertEquals(1, server.requests().size());
            assertTrue(sleeper.waits().isEmpty());
        }
    }

    @ParameterizedTest
    @EnumSource(ProviderApi.class)
    void aRejectedKeyIsUnauthorizedAndNeverRetried(ProviderApi f) {
        // the fake answers with the provider's real bad-key error (Gemini: HTTP 400 API_KEY_INVALID)
        try (FakeProviderServer server = new FakeProviderServer(f, "the-valid-key")) {
            AdvisorHandle advisor = Support.advisor(f, server, Support.vault(), sleeper);
            AdvisorException e = assertThrows(AdvisorException.class, () -> advisor.decide(REQUEST));
            assertEquals(Kind.UNAUTHORIZED, e.kind());
            assertEquals("unauthorized", e.getMessage());
            assertEquals(1, server.requests().size());
            assertEquals(List.of(f == ProviderApi.GOOGLE ? 400 : 401), statuses(e.exchanges()));
            assertFalse(advisor.connected());
            assertEquals(Optional.of(Kind.UNAUTHORIZED), advisor.lastFailure());
            assertTrue(sleeper.waits().isEmpty());
        }
    }

    @ParameterizedTest
    @EnumSource(ProviderApi.class)
    void aKeyEchoedInAnErrorNeverReachesTheAudit(ProviderApi f) {
        String key = Support.key(f);
        Canned echo = Canned.of(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + key
                + "\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}");
        try (FakeProviderServer server = new FakeProviderServer(f, key).then(echo)) {
            AdvisorException e = assertThrows(AdvisorException.class,
                    () -> Support.advisor(f, server, Support.vault(), sleeper).decide(REQUEST));
            assertFalse(e.exchanges().get(0).responseBody().contains(key));
            assertTrue(e.exchanges().get(0).responseBody().contains("[redacted]"));
            assertFalse(e.getMessage().contains(key));
        }
    }

    @ParameterizedTest
    @EnumSource(ProviderApi.class)
    void aSlowAnswerTimesOutWithoutRetry(ProviderApi f) {
        try (FakeProviderServer server = new FakeProviderServer(f, Support.key(f)).then(Canned.hanging())) {
            AdvisorHandle advisor = AdvisorFactory.create(Support.config(f, server, Duration.ofMillis(300)),
                    Support.vault(), Support.CLOCK, sleeper);
            AdvisorException e = assertThrows(AdvisorException.class, () -> advisor.decide(REQUEST));
            assertEquals(Kind.TIMEOUT, e.kind());
            assertEquals(List.of(0), statuses(e.exchanges()), "no response: status 0");
            assertEquals(1, server.requests().size());
        }
    }

    @ParameterizedTest
    @EnumSource(ProviderApi.class)
    void aClosedPortIsUnreachable(ProviderApi f) throws IOException {
        AdvisorConfig cfg = AdvisorConfig.defaults().withProvider(f.provider())
                .withBaseUrl(f.provider(), Support.closedBaseUrl(f));
        AdvisorException e = assertThrows(AdvisorException.class,
                () -> AdvisorFactory.create(cfg, Support.vault(), Support.CLOCK, sleeper).decide(REQUEST));
        assertEquals(Kind.UNREACHABLE, e.kind());
        assertEquals(List.of(0, 0, 0), statuses(e.exchanges()));
        assertEquals(2, sleeper.waits().size());
    }

    @ParameterizedTest
    @EnumSource(ProviderApi.class)
    void proseAroundTheJsonGetsOneRepairWithTheError(ProviderApi f) throws IOException {
        String prose = "Sure! Here is my decision: " + ProviderJson.VALID_ANSWER + " Hope this helps.";
        try (FakeProviderServer server = new FakeProviderServer(f, Support.key(f)).then(f.ok(prose))) {
            Advice advice = Support.advisor(f, server, Support.vault(), sleeper).decide(REQUEST);
            assertEquals(Advice.Verdict.APPROVE, advice.verdict());
            assertEquals(2, advice.exchanges().size());
            JsonNode second = JSON.readTree(server.requests().get(1).body());
            List<String> roles = roles(f, second);
            assertEquals(f == ProviderApi.GOOGLE ? List.of("user", "model", "user")
                    : f == ProviderApi.CLAUDE ? List.of("user", "assistant", "user")
                    : List.of("system", "user", "assistant", "user"), roles);
            String body = server.requests().get(1).body();
            assertTrue(body.contains("Hope this helps."), "the invalid answer is shown back");
            assertTrue(body.contains("exactly one JSON object with no text around it"), "the error is named");
            assertTrue(sleeper.waits().isEmpty());
        }
    }

    @ParameterizedTest
    @EnumSource(ProviderApi.class)
    void anAnswerThatStaysInvalidIsAiInvalidResponse(ProviderApi f) {
        String bad = "{\"decision\":\"maybe\",\"conviction\":0.5,\"thesis_summary\":\"unsure\"}";
        try (FakeProviderServer server = new FakeProviderServer(f, Support.key(f)).then(f.ok(bad), f.ok(bad))) {
            AdvisorHandle advisor = Support.advisor(f, server, Support.vault(), sleeper);
            AdvisorException e = assertThrows(AdvisorException.class, () -> advisor.decide(REQUEST));
            assertEquals("ai_invalid_response", e.kind().code());
            assertTrue(e.getMessage().contains("\"decision\" must be"), e.getMessage());
            assertEquals(List.of(200, 200), statuses(e.exchanges()));
            assertTrue(advisor.connected(), "the provider answered; only the answer was bad");
            assertEquals(Optional.of(Kind.INVALID_RESPONSE), advisor.lastFailure());
        }
    }

    @ParameterizedTest
    @EnumSource(ProviderApi.class)
    void aRefusalGetsARepairThenIsInvalid(ProviderApi f) {
        try (FakeProviderServer server = new FakeProviderServer(f, Support.key(f)).then(f.refused(), f.refused())) {
            AdvisorException e = assertThrows(AdvisorException.class,
                    () -> Support.advisor(f, server, Support.vault(), sleeper).decide(REQUEST));
            assertEquals(Kind.INVALID_RESPONSE, e.kind());
            assertTrue(e.getMessage().contains("refused") || e.getMessage().contains("blocked"), e.getMessage());
            assertEquals(2, server.requests().size());
        }
    }

    @ParameterizedTest
    @EnumSource(ProviderApi.class)
    void aTruncatedAnswerIsRepaired(ProviderApi f) {
        String cut = "{\"decision\":\"approve\",\"conviction\":0.7,\"thesis_summary\":\"Breakout ab";
        try (FakeProviderServer server = new FakeProviderServer(f, Support.key(f)).then(f.truncated(cut))) {
            Advice advice = Support.advisor(f, server, Support.vault(), sleeper).decide(REQUEST);
            assertEquals(2, advice.exchanges().size());
            assertTrue(server.requests().get(1).body().contains("cut off"), "the repair names the truncation");
        }
    }

    @ParameterizedTest
    @EnumSource(ProviderApi.class)
    void aMissingKeyIsUnauthorizedWithoutACallAndASavedKeyWorksAtOnce(ProviderApi f) {
        try (FakeProviderServer server = new FakeProviderServer(f, Support.key(f))) {
            TestSecretStore vault = new TestSecretStore();
            AdvisorHandle advisor = Support.advisor(f, server, vault, sleeper);
            AdvisorException e = assertThrows(AdvisorException.class, () -> advisor.decide(REQUEST));
            assertEquals(Kind.UNAUTHORIZED, e.kind());
            assertEquals("no API key saved for " + f.provider(), e.getMessage());
            assertTrue(server.requests().isEmpty());

            vault.put(f.provider() + ".api_key", Secret.of(Support.key(f)));
            assertEquals(Advice.Verdict.APPROVE, advisor.decide(REQUEST).verdict());
            assertTrue(advisor.connected());
        }
    }

    private static List<String> roles(ProviderApi f, JsonNode body) {
        JsonNode turns = f == ProviderApi.GOOGLE ? body.get("contents") : body.get("messages");
        return java.util.stream.StreamSupport.stream(turns.spliterator(), false)
                .map(t -> t.get("role").asText()).toList();
    }

    static List<Integer> statuses(List<AiExchange> exchanges) {
        return exchanges.stream().map(AiExchange::status).toList();
    }

    private static void assertBetween(Duration d, long minMs, long maxMs) {
        assertTrue(d.toMillis() >= minMs && d.toMillis() <= maxMs, d + " not in [" + minMs + "," + maxMs + "] ms");
    }
}
