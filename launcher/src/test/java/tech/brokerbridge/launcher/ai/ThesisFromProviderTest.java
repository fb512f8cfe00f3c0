package tech.brokerbridge.launcher.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tech.brokerbridge.ai.AdvisorConfig;
import tech.brokerbridge.ai.fake.Canned;
import tech.brokerbridge.ai.fake.FakeProviderServer;
import tech.brokerbridge.ai.fake.ProviderApi;
import tech.brokerbridge.ai.fake.ProviderJson;

/**
 * The "done when": with a key saved in the vault and {@code BROKERBRIDGE_AI_PROVIDER} set, a
 * scan through the real HTTP API produces proposals whose thesis comes from that provider, and
 * {@code GET /api/ai/audit} shows every exchange exactly as it went over the wire.
 */
class ThesisFromProviderTest {
    @TempDir
    Path home;

    @ParameterizedTest
    @EnumSource(ProviderApi.class)
    void aScanProposesWithTheProvidersThesisAndTheAuditShowsEveryExchange(ProviderApi api) throws Exception {
        String key = "key-" + api.provider() + "-4b1d7e";
        String thesis = api.provider() + " says: close above the 20-day high on 1.4x volume, trend intact";
        String answer = api.success(ProviderJson.answer("approve", 0.81, thesis));
        try (FakeProviderServer fake = new FakeProviderServer(api, key).answering(r -> Canned.of(200, answer));
                TestDesk desk = TestDesk.withProvider(home, api, fake.baseUrl(), Map.of("ai.max_retries", "0"))) {
            desk.saveCredential(api.provider(), key);

            JsonNode scan = desk.scan();

            List<JsonNode> proposed = TestDesk.decisions(scan, "proposed");
            assertFalse(proposed.isEmpty(), "the scan proposes: " + TestDesk.outcomes(scan));
            for (JsonNode d : proposed) {
                assertEquals("approve", d.path("ai_verdict").asText());
                assertEquals(0.81, d.path("ai_conviction").asDouble(), 1e-9);
                assertEquals(thesis, d.path("thesis_summary").asText());
                JsonNode p = desk.get("/api/proposals/" + d.path("proposal_id").asText());
                assertEquals("pending", p.path("status").asText());
                assertEquals(thesis, p.path("thesis_summary").asText(), "the proposal's thesis is the provider's");
                assertEquals(0.81, p.path("conviction").asDouble(), 1e-9);
            }
            List<JsonNode> pending = desk.pendingProposals();
            assertEquals(proposed.size(), pending.size());
            pending.forEach(p -> assertEquals(thesis, p.path("thesis_summary").asText()));

            // every setup sent to the provider is one the scan decided on, one call each (no repair needed)
            List<FakeProviderServer.Recorded> sent = fake.generateRequests();
            assertEquals(fake.requests().size(), sent.size(), "only generate calls");
            String model = AdvisorConfig.DEFAULT_MODELS.get(api.provider());
            sent.forEach(r -> assertTrue(r.body().contains("\"model\":\"" + model + "\"")
                    || r.path().equals("/v1beta/models/" + model + ":generateContent"), "the default model is asked"));
            Set<String> askedAbout = new HashSet<>();
            sent.forEach(r -> askedAbout.add(api.decisionRequest(r.body()).path("symbol").asText()));
            Set<String> decidedByAi = new HashSet<>();
            scan.path("decisions").forEach(d -> {
                if (!d.path("ai_verdict").isNull()) {
                    decidedByAi.add(d.path("symbol").asText());
                }
            });
            assertEquals(decidedByAi, askedAbout);
            assertEquals(askedAbout.size(), sent.size());

            // the audit holds every exchange: provider, model, the body as sent, the body as answered
            List<JsonNode> audit = desk.audit();
            assertEquals(sent.size(), audit.size(), "one audit entry per call");
            Set<String> sentBodies = new HashSet<>();
            sent.forEach(r -> sentBodies.add(r.body()));
            Set<String> auditedBodies = new HashSet<>();
            for (JsonNode x : audit) {
                assertEquals(api.provider(), x.path("provider").asText());
                assertEquals(model, x.path("model").asText());
                assertEquals(200, x.path("status").asInt());
                assertEquals(answer, x.path("response_body").asText());
                assertTrue(x.path("url").asText().startsWith(fake.baseUrl().toString()), x.path("url").asText());
                assertTrue(x.path("input_tokens").isNumber() && x.path("output_tokens").isNumber(),
                        "token counts as the provider reported them: " + x);
                assertTrue(x.path("latency_ms").asDouble() > 0, x.toString());
                auditedBodies.add(x.path("request_body").asText());
            }
            assertEquals(sentBodies, auditedBodies, "the audit shows the request bodies exactly as they left");

            JsonNode ai = desk.get("/api/health").path("services").path("ai");
            assertEquals(api.provider(), ai.path("provider").asText());
            assertTrue(ai.path("connected").asBoolean(), ai.toString());
            assertEquals("connected", desk.credentialStatus(api.provider()).state());
        }
    }
}
