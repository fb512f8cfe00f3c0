package tech.brokerbridge.launcher.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.brokerbridge.ai.fake.Canned;
import tech.brokerbridge.ai.fake.FakeProviderServer;
import tech.brokerbridge.ai.fake.ProviderApi;
import tech.brokerbridge.ai.fake.ProviderJson;

/**
 * The "Privacy, proven" at the desk level. The desk first holds a position in a paper
 * account with a recognisable balance, and its vault holds every provider's key plus the Stripe keys;
 * then a key check ({@code POST /api/credentials/test}) and a full scan run through every provider
 * (each first answer is prose around the JSON, so the repair request is exercised too) against local
 * recording servers. No canary — an amount of the
 * account, the held position, another credential, the installation id, the data directory, the
 * machine id, the desk's ids — appears in any URL, header (other than the provider's own auth header)
 * or body; the portfolio reaches the provider only as the six risk ratios and counts.
 */
class PrivacyAtTheDeskTest {
    private static final String STARTING_CASH = "987654.32";
    private static final Map<ProviderApi, String> KEYS = new EnumMap<>(Map.of(
            ProviderApi.CLAUDE, "sk-ant-api03-CANARY-claude-key-77aa",
            ProviderApi.OPENAI, "sk-proj-CANARY-openai-key-88bb",
            ProviderApi.OPENROUTER, "sk-or-v1-CANARY-openrouter-key-99cc",
            ProviderApi.GOOGLE, "AIzaSyCANARY-google-key-00dd"));
    private static final Map<String, String> STRIPE = Map.of(
            "stripe.api_key", "rk_live_CANARY51Hx9qStripeKey0042",
            "stripe.license_key", "sub_CANARY1Q2w3E4r5T6y7U8i");
    private static final Set<String> RISK_FIELDS = Set.of("portfolio_heat_pct", "open_trades", "max_open_trades",
            "daily_pnl_pct", "long_exposure_pct", "short_exposure_pct");
    private static final Set<String> REQUEST_FIELDS = Set.of("symbol", "direction", "setup_type", "bars", "scores",
            "evidence", "prices", "risk");

    /** Wednesday 25 Nov 2026, 11:00 New York: the session two trading days before {@link TestDesk#CLOCK}'s. */
    private static final Clock TWO_DAYS_EARLIER = Clock.fixed(Instant.parse("2026-11-25T16:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path home;

    private final Map<String, String> flags = new HashMap<>();

    @Test
    void nothingButTheDecisionRequestLeavesTheMachineThroughAnyProvider() throws Exception {
        flags.putAll(Map.of("paper.starting_cash", STARTING_CASH, "ai.max_retries", "0",
                // the saved license key makes the desk ask "Stripe": let it find nobody, locally
                "stripe.api_base", "http://127.0.0.1:" + closedPort()));
        Canaries canaries = new Canaries().add(STARTING_CASH).add("987654").add(TestDesk.MACHINE_ID)
                .add(home.toString()).add(home.getFileName().toString());
        KEYS.values().forEach(canaries::add);
        STRIPE.values().forEach(canaries::add);

        String held = holdAPositionAndFillTheVault(canaries);
        canaries.add(held);

        Map<ProviderApi, FakeProviderServer> fakes = new EnumMap<>(ProviderApi.class);
        Map<ProviderApi, JsonNode> scans = new EnumMap<>(ProviderApi.class);
        Map<ProviderApi, JsonNode> portfolios = new EnumMap<>(ProviderApi.class);
        try {
            for (ProviderApi api : ProviderApi.values()) {
                FakeProviderServer fake = new FakeProviderServer(api, KEYS.get(api))
                        .answering(r -> answerAfterOneRepair(api, r));
                fakes.put(api, fake);
                try (TestDesk desk = TestDesk.withProvider(home, api, fake.baseUrl(), flags)) {
                    JsonNode before = desk.get("/api/portfolio");
                    assertTrue(before.toString().contains("\"symbol\":\"" + held + "\""), "still held: " + before);
                    canaries.portfolio(before).add(desk.get("/api/license").path("installation_id").asText());
                    portfolios.put(api, before);
                    JsonNode check = desk.post("/api/credentials/test", TestDesk.credential(api.provider(),
                            KEYS.get(api)));
                    assertEquals("ok", check.path("result").asText(), api + ": the key check reached the fake");
                    scans.put(api, desk.scan());
                    canaries.portfolio(desk.get("/api/portfolio"));
                    assertAuditIsWhatWasSent(api, desk.audit(), fake);
                }
            }

            for (ProviderApi api : ProviderApi.values()) {
                FakeProviderServer fake = fakes.get(api);
                List<FakeProviderServer.Recorded> sent = fake.generateRequests();
                List<JsonNode> rejected = TestDesk.decisions(scans.get(api), "ai_rejected");
                assertFalse(rejected.isEmpty(), api + ": a full scan went through the provider: "
                        + TestDesk.outcomes(scans.get(api)));
                assertEquals(2 * rejected.size(), sent.size(), api + ": a first ask and a repair per candidate");
                assertEquals(sent.size() + 1, fake.requests().size(), api + ": and one key check");
                assertEquals(List.of(), Canaries.leaks(api, KEYS.get(api), fake.requests(), canaries.values()),
                        api + ": something the desk knows left the machine");
                assertOnlyRatiosAndTheSetup(api, sent, rejected, portfolios.get(api), held);

                // the search is real: a value that must be there (the symbol, a bar) is found the same way
                JsonNode first = api.decisionRequest(sent.get(0).body());
                Set<String> allowed = Set.of(first.path("symbol").asText(),
                        first.path("bars").path(0).path("close").asText());
                List<String> found = Canaries.leaks(api, KEYS.get(api), sent.subList(0, 1), allowed);
                assertEquals(2, found.size(), api + ": the search finds what is in the body: " + found);
                found.forEach(f -> assertTrue(f.endsWith("in the body"), f));
            }
        } finally {
            fakes.values().forEach(FakeProviderServer::close);
        }
    }

    /**
     * With the offline advisor, two trading days before the providers are asked: a scan, one proposal
     * approved and filled (a position), the others rejected (so their symbols go to the providers later,
     * once the rejections' cool-downs ended with that day's session); every credential saved in the vault.
     */
    private String holdAPositionAndFillTheVault(Canaries canaries) throws Exception {
        try (TestDesk desk = TestDesk.start(home, Map.of(), flags, TWO_DAYS_EARLIER)) {
            JsonNode scan = desk.scan();
            canaries.add(scan.path("scan_id").asText());
            List<JsonNode> pending = desk.pendingProposals();
            assertTrue(pending.size() >= 2, "the offline scan proposes: " + TestDesk.outcomes(scan));
            // a symbol of three letters or more: a shorter one could occur by chance in text; and one whose
            // entry fills at once (the clock stands still): a long at or above its last price, a short at or below
            JsonNode chosen = pending.stream().filter(PrivacyAtTheDeskTest::marketable)
                    .max(Comparator.comparingInt((JsonNode p) -> p.path("symbol").asText().length())
                            .thenComparing(p -> p.path("symbol").asText()))
                    .orElseThrow();
            String held = chosen.path("symbol").asText();
            assertTrue(held.length() >= 3, held);
            for (JsonNode p : pending) {
                String id = p.path("proposal_id").asText();
                canaries.add(id);
                desk.post("/api/proposals/" + id + (p == chosen ? "/approve" : "/reject"),
                        p == chosen ? "{}" : "{\"reason\":\"not now\"}");
            }
            awaitPosition(desk, held);
            for (ProviderApi api : ProviderApi.values()) {
                desk.saveCredential(api.provider(), KEYS.get(api));
            }
            desk.saveSecret("stripe.license_key", STRIPE.get("stripe.license_key")); // license activation saves it
            desk.saveCredential("stripe", STRIPE.get("stripe.api_key"));
            canaries.portfolio(desk.get("/api/portfolio"));
            return held;
        }
    }

    private static boolean marketable(JsonNode p) {
        double last = p.path("market_data").path("last_price").asDouble();
        double entry = p.path("entry_price").asDouble();
        return p.path("direction").asText().equals("long") ? entry >= last : entry <= last;
    }

    private static void awaitPosition(TestDesk desk, String symbol) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            for (JsonNode p : desk.get("/api/portfolio").path("positions")) {
                if (p.path("symbol").asText().equals(symbol) && p.path("quantity").asInt() != 0) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the approved " + symbol + " bracket did not fill");
    }

    /** First ask: prose around the JSON (breaks the contract); the repair: a clean reject. */
    private static Canned answerAfterOneRepair(ProviderApi api, FakeProviderServer.Recorded r) {
        String json = ProviderJson.answer("reject", 0.35, "evidence too weak for " + api.provider());
        return Canned.of(200, api.success(api.userTurns(r.body()) == 1 ? "Here is my decision: " + json : json));
    }

    private static void assertAuditIsWhatWasSent(ProviderApi api, List<JsonNode> audit, FakeProviderServer fake) {
        Set<String> audited = new HashSet<>();
        audit.stream().filter(x -> x.path("provider").asText().equals(api.provider()))
                .forEach(x -> audited.add(x.path("request_body").asText()));
        Set<String> sent = new HashSet<>();
        fake.generateRequests().forEach(r -> sent.add(r.body()));
        assertEquals(sent, audited, api + ": the audit shows exactly the bodies that left");
    }

    /** The portfolio leaves as the six risk ratios and counts only, next to the setup's own data. */
    private static void assertOnlyRatiosAndTheSetup(ProviderApi api, List<FakeProviderServer.Recorded> sent,
            List<JsonNode> decided, JsonNode portfolio, String held) {
        double netLiq = portfolio.path("account").path("net_liquidation").asDouble();
        double longValue = 0;
        double shortValue = 0;
        for (JsonNode p : portfolio.path("positions")) {
            double v = p.path("market_value").asDouble();
            longValue += Math.max(v, 0);
            shortValue += Math.max(-v, 0);
        }
        Set<String> symbols = new HashSet<>();
        decided.forEach(d -> symbols.add(d.path("symbol").asText()));
        for (FakeProviderServer.Recorded r : sent) {
            JsonNode request = api.decisionRequest(r.body());
            Set<String> fields = new HashSet<>();
            request.fieldNames().forEachRemaining(fields::add);
            assertEquals(REQUEST_FIELDS, fields, api + ": the DecisionRequest's fields and nothing else");
            String symbol = request.path("symbol").asText();
            assertTrue(symbols.contains(symbol) && !symbol.equals(held), api + ": " + symbol);
            assertTrue(request.path("bars").size() >= 20, api + ": the bars went out");
            request.path("bars").forEach(b -> assertEquals(6, b.size(), b.toString()));

            JsonNode risk = request.path("risk");
            Set<String> riskFields = new HashSet<>();
            risk.fieldNames().forEachRemaining(riskFields::add);
            assertEquals(RISK_FIELDS, riskFields);
            assertEquals(portfolio.path("positions").size(), risk.path("open_trades").asInt(), risk.toString());
            assertEquals(5, risk.path("max_open_trades").asInt());
            for (String pct : List.of("portfolio_heat_pct", "daily_pnl_pct", "long_exposure_pct",
                    "short_exposure_pct")) {
                double v = risk.path(pct).asDouble();
                assertTrue(Math.abs(v) <= 100, api + ": " + pct + " is a percentage: " + v);
                assertEquals(Math.round(v * 100) / 100.0, v, 1e-12, api + ": " + pct + " has two decimals");
            }
            assertEquals(100 * longValue / netLiq, risk.path("long_exposure_pct").asDouble(), 0.05, risk.toString());
            assertEquals(100 * shortValue / netLiq, risk.path("short_exposure_pct").asDouble(), 0.05, risk.toString());
            assertTrue(risk.path("portfolio_heat_pct").asDouble() > 0, "the held position's risk, as a ratio");
        }
        assertEquals(symbols.size() * 2, sent.size(), api + ": each candidate asked once, then repaired once");
    }

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
