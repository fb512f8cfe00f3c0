package tech.brokerbridge.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tech.brokerbridge.ports.fakes.LoopbackHttpServer.Recorded;
import tech.brokerbridge.ai.fake.FakeProviderServer;
import tech.brokerbridge.ai.fake.ProviderApi;
import tech.brokerbridge.ai.internal.DecisionJson;
import tech.brokerbridge.ai.internal.SystemPrompt;
import tech.brokerbridge.ports.advisor.Advice;
import tech.brokerbridge.ports.advisor.AiExchange;
import tech.brokerbridge.ports.advisor.DecisionRequest;
import tech.brokerbridge.ports.tck.AdvisorContract;

/** Each provider's request checked against its documented format, and the answer read back. */
class ProviderRequestShapeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ANSWER_FIELDS = Set.of("decision", "conviction", "thesis_summary",
            "entry_price", "stop_price", "target_price");

    @ParameterizedTest
    @EnumSource(ProviderApi.class)
    void sendsTheDocumentedRequestAndReadsTheAnswer(ProviderApi f) throws Exception {
        DecisionRequest request = AdvisorContract.strongLong("AAPL");
        try (FakeProviderServer server = new FakeProviderServer(f, Support.key(f))) {
            AdvisorHandle advisor = AdvisorFactory.create(Support.config(f, server, Duration.ofSeconds(5))
                    .withModel(f.provider(), "model-under-test"), Support.vault(), Support.CLOCK, d -> { });
            assertFalse(advisor.connected(), "not connected before the first call");

            Advice advice = advisor.decide(request);

            assertEquals(Advice.Verdict.APPROVE, advice.verdict());
            assertEquals(0.72, advice.conviction(), 1e-9);
            assertEquals("Breakout above the 20-day high on rising volume.", advice.thesisSummary());
            assertTrue(advisor.connected());
            assertEquals("model-under-test", advisor.model());

            Recorded r = server.last();
            assertEquals(1, server.requests().size());
            assertEquals("POST", r.method());
            assertEquals(f.generatePath("model-under-test"), r.path());
            assertTrue(r.query().isEmpty(), "no query string (the key never goes in the URL)");
            assertEquals(Support.key(f), f.keyOf(r).orElseThrow(), "auth header");
            assertTrue(r.header("content-type").orElse("").startsWith("application/json"));
            assertTrue(r.header("upgrade").isEmpty(), "no h2c upgrade over plain http");
            JsonNode body = JSON.readTree(r.body());
            String userJson = DecisionJson.write(request);
            switch (f) {
                case CLAUDE -> claude(r, body, userJson);
                case OPENAI, OPENROUTER -> chatCompletions(f, r, body, userJson);
                case GOOGLE -> gemini(r, body, userJson);
                default -> throw new IllegalStateException(f.name());
            }

            AiExchange x = advice.exchanges().get(0);
            assertEquals(1, advice.exchanges().size());
            assertEquals(f.provider(), x.provider());
            assertEquals("model-under-test", x.model());
            assertEquals(server.baseUrl() + r.path().substring(f.basePath().length()), x.url());
            assertEquals(r.body(), x.requestBody(), "the audit holds the exact bytes sent");
            assertEquals(200, x.status());
            assertTrue(x.responseBody().contains("Breakout above the 20-day high"));
            assertEquals(Support.CLOCK.instant(), x.time());
            assertTrue(x.inputTokens().isPresent() && x.outputTokens().isPresent(), "token counts");
            long expectedOut = switch (f) {
                case CLAUDE -> 64;
                case GOOGLE -> 160; // candidates + thoughts
                default -> 70;
            };
            assertEquals(expectedOut, x.outputTokens().getAsLong());
        }
    }

    private static void claude(Recorded r, JsonNode body, String userJson) {
        assertEquals("2023-06-01", r.header("anthropic-version").orElseThrow());
        assertTrue(r.header("authorization").isEmpty(), "one auth header only");
        assertEquals(Set.of("model", "max_tokens", "system", "messages", "output_config", "stream"), fields(body));
        assertEquals("model-under-test", body.get("model").asText());
        assertTrue(body.get("max_tokens").asInt() > 0);
        assertEquals(SystemPrompt.text(), body.get("system").asText(), "system prompt is top level");
        assertEquals(1, body.get("messages").size());
        assertEquals("user", body.get("messages").get(0).get("role").asText());
        assertEquals(userJson, body.get("messages").get(0).get("content").asText());
        assertFalse(body.get("stream").asBoolean(true));
        JsonNode format = body.get("output_config").get("format");
        assertEquals("json_schema", format.get("type").asText());
        JsonNode schema = format.get("schema");
        assertEquals("object", schema.get("type").asText());
        assertEquals(ANSWER_FIELDS, fields(schema.get("properties")));
        assertEquals(List.of("decision", "conviction", "thesis_summary"), texts(schema.get("required")));
        assertFalse(schema.get("additionalProperties").asBoolean(true));
    }

    private static void chatCompletions(ProviderApi f, Recorded r, JsonNode body, String userJson) {
        assertTrue(r.header("authorization").orElseThrow().startsWith("Bearer "));
        boolean or = f == ProviderApi.OPENROUTER;
        Set<String> expected = new TreeSet<>(Set.of("model", "messages", "response_format", "stream",
                or ? "max_tokens" : "max_completion_tokens"));
        if (or) {
            expected.add("provider");
            assertTrue(body.get("provider").get("require_parameters").asBoolean(), "require_parameters");
        }
        assertEquals(expected, fields(body));
        assertEquals("model-under-test", body.get("model").asText());
        JsonNode messages = body.get("messages");
        assertEquals(2, messages.size());
        assertEquals("system", messages.get(0).get("role").asText());
        assertEquals(SystemPrompt.text(), messages.get(0).get("content").asText());
        assertEquals("user", messages.get(1).get("role").asText());
        assertEquals(userJson, messages.get(1).get("content").asText());
        assertFalse(body.get("stream").asBoolean(true));
        JsonNode format = body.get("response_format");
        assertEquals("json_schema", format.get("type").asText());
        assertEquals("decision", format.get("json_schema").get("name").asText());
        assertTrue(format.get("json_schema").get("strict").asBoolean());
        JsonNode schema = format.get("json_schema").get("schema");
        assertEquals(ANSWER_FIELDS, fields(schema.get("properties")));
        assertEquals(ANSWER_FIELDS, Set.copyOf(texts(schema.get("required"))), "strict: every property required");
        assertFalse(schema.get("additionalProperties").asBoolean(true));
        assertEquals(List.of("number", "null"), texts(schema.get("properties").get("stop_price").get("type")));
        assertEquals(List.of("approve", "reject"), texts(schema.get("properties").get("decision").get("enum")));
    }

    private static void gemini(Recorded r, JsonNode body, String userJson) {
        assertEquals("/v1beta/models/model-under-test:generateContent", r.path());
        assertEquals(Set.of("systemInstruction", "contents", "generationConfig"), fields(body));
        assertEquals(SystemPrompt.text(), body.get("systemInstruction").get("parts").get(0).get("text").asText());
        assertEquals(1, body.get("contents").size());
        assertEquals("user", body.get("contents").get(0).get("role").asText());
        assertEquals(userJson, body.get("contents").get(0).get("parts").get(0).get("text").asText());
        JsonNode gen = body.get("generationConfig");
        assertEquals("application/json", gen.get("responseMimeType").asText());
        assertTrue(gen.get("maxOutputTokens").asInt() > 0);
        assertFalse(gen.has("responseJsonSchema"), "responseSchema or responseJsonSchema, not both");
        JsonNode schema = gen.get("responseSchema");
        assertEquals("OBJECT", schema.get("type").asText());
        assertEquals(ANSWER_FIELDS, fields(schema.get("properties")));
        assertEquals("STRING", schema.get("properties").get("decision").get("type").asText());
        assertTrue(schema.get("properties").get("entry_price").get("nullable").asBoolean());
        assertEquals(List.of("decision", "conviction", "thesis_summary"), texts(schema.get("required")));
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
