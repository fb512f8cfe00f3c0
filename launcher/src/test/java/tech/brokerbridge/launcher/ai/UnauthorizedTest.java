package tech.brokerbridge.launcher.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tech.brokerbridge.ai.fake.Canned;
import tech.brokerbridge.ai.fake.FakeProviderServer;
import tech.brokerbridge.ai.fake.ProviderApi;

/**
 * A provider that refuses the saved key (401 in its own error shape; for Gemini also its real
 * answer, a 400 {@code API_KEY_INVALID}): every candidate is recorded {@code ai_unauthorized}, nothing
 * is proposed, and the desk never retries nor repairs — even with the default two retries allowed,
 * the fake sees exactly one call per candidate. Health says the advisor is not connected, and the
 * credentials API shows the saved key in error, "unauthorized".
 */
class UnauthorizedTest {
    @TempDir
    Path home;

    static Stream<Arguments> refusals() {
        List<Arguments> cases = new ArrayList<>();
        for (ProviderApi api : ProviderApi.values()) {
            cases.add(Arguments.of(api, 401, api.unauthorized()));
        }
        cases.add(Arguments.of(ProviderApi.GOOGLE, 400, ProviderApi.GOOGLE.badKey()));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} answering HTTP {1}")
    @MethodSource("refusals")
    void aRefusedKeyIsAskedOncePerCandidateAndRecordedUnauthorized(ProviderApi api, int status, Canned refusal)
            throws Exception {
        String wrongKey = "wrong-key-" + api.provider() + "-0c9d";
        try (FakeProviderServer fake = new FakeProviderServer(api, "the-right-key").refusingKeysWith(refusal)
                .answering(r -> {
                    throw new AssertionError("the right key was never saved");
                });
                TestDesk desk = TestDesk.withProvider(home, api, fake.baseUrl(), Map.of())) { // default: 2 retries
            desk.saveCredential(api.provider(), wrongKey);

            JsonNode scan = desk.scan();

            List<JsonNode> refused = TestDesk.decisions(scan, "ai_unauthorized");
            assertFalse(refused.isEmpty(), "candidates went to the provider: " + TestDesk.outcomes(scan));
            assertTrue(TestDesk.decisions(scan, "proposed").isEmpty(), TestDesk.outcomes(scan).toString());
            assertTrue(desk.pendingProposals().isEmpty());
            scan.path("decisions").forEach(d -> assertTrue(d.path("ai_verdict").isNull(), d.toString()));

            List<FakeProviderServer.Recorded> calls = fake.requests();
            assertEquals(refused.size(), calls.size(), "exactly one call per candidate: no retry, no repair");
            List<String> askedAbout = new ArrayList<>();
            for (FakeProviderServer.Recorded r : calls) {
                assertTrue(api.isGenerate(r.method(), r.path()), r.target());
                assertEquals(List.of(api.authValue(wrongKey)), r.headers().get(api.authHeader()));
                assertEquals(1, api.userTurns(r.body()), "a first ask, never a repair");
                askedAbout.add(api.decisionRequest(r.body()).path("symbol").asText());
            }
            assertEquals(refused.stream().map(d -> d.path("symbol").asText()).sorted().toList(),
                    askedAbout.stream().sorted().toList());

            List<JsonNode> audit = desk.audit();
            assertEquals(calls.size(), audit.size(), "every failed attempt is in the audit");
            for (JsonNode x : audit) {
                assertEquals(api.provider(), x.path("provider").asText());
                assertEquals(status, x.path("status").asInt());
                assertEquals(refusal.body(), x.path("response_body").asText());
                assertFalse(x.toString().contains(wrongKey), "the key is not in the audit");
            }

            JsonNode health = desk.get("/api/health");
            JsonNode ai = health.path("services").path("ai");
            assertFalse(ai.path("connected").asBoolean(), ai.toString());
            assertTrue(ai.path("message").asText().contains("unauthorized"), ai.toString());
            assertFalse(health.toString().contains(wrongKey));
            assertEquals(new TestDesk.CredentialState("error", "unauthorized"), desk.credentialStatus(api.provider()),
                    "the saved credential is shown in error");
        }
    }
}
