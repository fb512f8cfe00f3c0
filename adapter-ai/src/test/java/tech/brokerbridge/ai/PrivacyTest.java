package tech.brokerbridge.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tech.brokerbridge.ports.fakes.LoopbackHttpServer.Recorded;
import tech.brokerbridge.ai.fake.FakeProviderServer;
import tech.brokerbridge.ai.fake.ProviderApi;
import tech.brokerbridge.ports.Secret;
import tech.brokerbridge.ports.advisor.AdvisorException;
import tech.brokerbridge.ports.advisor.AiExchange;
import tech.brokerbridge.ports.advisor.DecisionRequest;
import tech.brokerbridge.ports.advisor.RiskMetrics;
import tech.brokerbridge.ports.broker.AccountSnapshot;
import tech.brokerbridge.ports.broker.Position;
import tech.brokerbridge.ports.signals.Setup;
import tech.brokerbridge.ports.tck.AdvisorContract;

/**
 * Only {@code DecisionRequest} fields leave the machine. The desk here knows an account id, a net
 * liquidation, positions and a vault full of credentials; it builds requests the way the core does
 * (setup + bars + ratios), every provider's recording server sees decisions, a repair and a
 * credential test, and no canary may appear in a URL, a header other than the provider's own auth
 * header, or a body.
 */
class PrivacyTest {
    private static final String ACCOUNT_ID = "DU1234567";
    private static final AccountSnapshot ACCOUNT = new AccountSnapshot("USD", 123456.78, 45678.91, 246913.56,
            40404.04, 2345.67, -321.09, -654.32, Instant.parse("2026-11-03T14:00:00Z"));
    private static final List<Position> POSITIONS = List.of(
            new Position("ZQXW", 4321, 987.65, 991.23, 15469.18, 0),
            new Position("VYKJ", -777, 55.55, 54.32, 955.71, 12.34));
    private static final Map<String, String> OTHER_SECRETS = Map.of(
            "ibkr.password", "ibkr-Pa55w0rd-CANARY",
            "stripe.license_key", "lic_live_CANARY_998877",
            "admin.token", "adm-CANARY-token-4455");

    @ParameterizedTest
    @EnumSource(ProviderApi.class)
    void noCanaryLeavesTheMachine(ProviderApi f) {
        TestSecretStore vault = Support.vault();
        OTHER_SECRETS.forEach(vault::with);
        List<String> canaries = canaries(f, vault);
        String ownKey = Support.key(f);
        List<AiExchange> audit = new ArrayList<>();
        try (FakeProviderServer server = new FakeProviderServer(f, ownKey)) {
            AdvisorHandle advisor = Support.advisor(f, server, vault, d -> { });
            for (Setup setup : setups()) {
                audit.addAll(advisor.decide(requestLikeTheCore(setup)).exchanges());
            }
            // an invalid first answer: the repair request must be just as clean
            server.then(f.ok("Account " + "looks fine. {\"decision\":\"approve\"}"));
            audit.addAll(advisor.decide(requestLikeTheCore(setups().get(0))).exchanges());
            assertTrue(AdvisorFactory.testCredential(f.provider(), Secret.of(ownKey),
                    Support.config(f, server, Duration.ofSeconds(5))).result() == CredentialCheck.Result.OK);

            List<Recorded> sent = server.requests();
            assertEquals(setups().size() + 2 + 1, sent.size());
            for (Recorded r : sent) {
                assertClean(f, r.path() + r.query().map(q -> "?" + q).orElse(""), "URL", canaries);
                r.headers().forEach((name, values) -> {
                    if (name.equals(f.authHeader())) {
                        assertEquals(List.of(f == ProviderApi.CLAUDE || f == ProviderApi.GOOGLE ? ownKey : "Bearer " + ownKey),
                                values, "the auth header holds exactly the provider's own key");
                    } else {
                        values.forEach(v -> assertClean(f, v, "header " + name, canaries));
                        assertFalse(values.stream().anyMatch(v -> v.contains(ownKey)), "own key outside its header");
                    }
                });
                assertClean(f, r.body(), "body", canaries);
                assertFalse(r.body().contains(ownKey), "own key in a body");
            }
        }
        for (AiExchange x : audit) {
            assertClean(f, x.url() + x.requestBody() + x.responseBody(), "audit", canaries);
            assertFalse((x.url() + x.requestBody() + x.responseBody()).contains(ownKey), "key in the audit");
        }
    }

    @ParameterizedTest
    @EnumSource(ProviderApi.class)
    void aFailedDecisionCarriesNoSecretEither(ProviderApi f) {
        TestSecretStore vault = Support.vault();
        try (FakeProviderServer server = new FakeProviderServer(f, "another-valid-key")) {
            AdvisorHandle advisor = Support.advisor(f, server, vault, d -> { });
            AdvisorException e = org.junit.jupiter.api.Assertions.assertThrows(AdvisorException.class,
                    () -> advisor.decide(requestLikeTheCore(setups().get(0))));
            String everything = e.getMessage() + advisor.statusMessage() + e.exchanges();
            Support.KEYS.values().forEach(k -> assertFalse(everything.contains(k), "a key in the failure"));
        }
    }

    private static void assertClean(ProviderApi f, String text, String where, List<String> canaries) {
        for (String c : canaries) {
            assertFalse(text.contains(c), f.provider() + ": canary '" + c + "' in " + where);
        }
    }

    /** Everything the desk knows that must never be sent to this provider. */
    private static List<String> canaries(ProviderApi f, TestSecretStore vault) {
        List<String> c = new ArrayList<>(List.of(ACCOUNT_ID, "123456.78", "123456", "45678.91", "246913.56",
                "40404.04", "2345.67", "321.09", "654.32"));
        for (Position p : POSITIONS) {
            c.add(p.symbol());
            c.add(String.valueOf(p.averageCost()));
            c.add(String.valueOf(p.marketPrice()));
            c.add(String.valueOf(p.unrealizedPnl()));
        }
        c.add("\"quantity\"");
        c.add("4321,");
        vault.all().forEach((name, value) -> {
            if (!name.equals(f.provider() + ".api_key")) {
                c.add(value); // every other credential, the other providers' keys included
            }
        });
        return c;
    }

    private static List<Setup> setups() {
        DecisionRequest a = AdvisorContract.strongLong("AAPL");
        DecisionRequest b = AdvisorContract.weakShort("TSLA");
        return List.of(
                new Setup("AAPL", a.setupType(), a.direction(), a.evidence(), 0.78, 0.72, 103.0, 99.0, 111.0),
                new Setup("TSLA", b.setupType(), b.direction(), b.evidence(), 0.35, 0.30, 48.0, 50.5, 43.0));
    }

    /** As the core builds it: the setup, its bars, and ratios computed from the account. */
    private static DecisionRequest requestLikeTheCore(Setup s) {
        double netLiq = ACCOUNT.netLiquidation();
        double longValue = POSITIONS.stream().filter(p -> p.quantity() > 0).mapToDouble(Position::marketValue).sum();
        double shortValue = -POSITIONS.stream().filter(p -> p.quantity() < 0).mapToDouble(Position::marketValue).sum();
        double heat = POSITIONS.stream().mapToDouble(p -> Math.abs(p.quantity()) * p.marketPrice() * 0.02).sum();
        RiskMetrics risk = new RiskMetrics(round(100 * heat / netLiq), POSITIONS.size(), 5,
                round(100 * ACCOUNT.dailyPnl() / netLiq), round(100 * longValue / netLiq),
                round(100 * shortValue / netLiq));
        return new DecisionRequest(s.symbol(), s.direction(), s.setupType(), AdvisorContract.bars(s.entry(), 60),
                new tech.brokerbridge.ports.advisor.SignalScores(s.evidenceStrength(), s.setupQuality(),
                        (s.evidenceStrength() + s.setupQuality()) / 2),
                s.evidence(), new tech.brokerbridge.ports.advisor.SuggestedPrices(s.entry(), s.stop(), s.target()), risk);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
