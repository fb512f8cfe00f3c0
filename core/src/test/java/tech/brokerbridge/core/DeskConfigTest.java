package tech.brokerbridge.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeskConfigTest {
    @Test
    void defaultsAreTheDocumentedValues() {
        DeskConfig c = DeskConfig.defaults("1.0");
        assertEquals(20, c.watchlist().size());
        assertEquals(Duration.ofMinutes(5), c.scanInterval());
        assertEquals(3, c.maxAiCandidates());
        assertEquals(new DeskConfig.ScoreWeights(0.40, 0.35, 0.25), c.weights());
        assertEquals(new DeskConfig.RiskLimits(5.0, 5, 6.0, 2.0, 1.5, 0.5), c.risk());
        assertEquals(Duration.ofMinutes(30), c.proposalTtl());
        assertEquals(60, c.barsForAdvisor());
        assertEquals(Duration.ofDays(14), c.evaluationPeriod());
        assertEquals(Duration.ZERO, c.proposalCooldown(), "the rest of the trading day");
        assertEquals(DeskConfig.REST_OF_TRADING_DAY, c.proposalCooldown());
    }

    @Test
    void theCooldownIsZeroToSevenDays() {
        DeskConfig d = DeskConfig.defaults("1.0");
        assertEquals(Duration.ofDays(7), d.withProposalCooldown(Duration.ofDays(7)).proposalCooldown());
        assertEquals(Duration.ofMinutes(30), d.withProposalCooldown(Duration.ofMinutes(30))
                .withLicense(DeskConfig.License.defaults()).proposalCooldown(), "kept by withLicense");
        for (Duration bad : java.util.Arrays.asList(Duration.ofMinutes(-1), Duration.ofDays(7).plusMinutes(1), null)) {
            var e = assertThrows(IllegalArgumentException.class, () -> d.withProposalCooldown(bad));
            assertTrue(e.getMessage().contains("proposal_cooldown_minutes must be between 0 and 10080"),
                    e.getMessage());
        }
    }

    @Test
    void riskLimitsNameEveryBadKey() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new DeskConfig.RiskLimits(150, 0, 0, -1, 0, 101));
        for (String key : List.of("max_position_size_pct", "max_open_trades", "max_portfolio_heat_pct",
                "max_daily_loss_pct", "min_reward_risk", "risk_per_trade_pct")) {
            assertTrue(e.getMessage().contains(key), key + " missing in: " + e.getMessage());
        }
    }

    @Test
    void riskLimitsAcceptTheEdges() {
        new DeskConfig.RiskLimits(100, 100, 100, 100, 100, 100);
        assertThrows(IllegalArgumentException.class, () -> new DeskConfig.RiskLimits(5, 101, 6, 2, 1.5, 0.5));
    }

    @Test
    void weightsMustBeNonNegativeAndNotAllZero() {
        var neg = assertThrows(IllegalArgumentException.class, () -> new DeskConfig.ScoreWeights(-0.1, 1, 1));
        assertTrue(neg.getMessage().contains("scoring.evidence_weight"));
        var zero = assertThrows(IllegalArgumentException.class, () -> new DeskConfig.ScoreWeights(0, 0, 0));
        assertTrue(zero.getMessage().contains("must not all be 0"));
        var nan = assertThrows(IllegalArgumentException.class, () -> new DeskConfig.ScoreWeights(1, Double.NaN, 1));
        assertTrue(nan.getMessage().contains("scoring.quality_weight"));
    }

    @Test
    void deskValuesNameTheirKeys() {
        DeskConfig d = DeskConfig.defaults("1.0");
        var e = assertThrows(IllegalArgumentException.class, () -> new DeskConfig("1.0", List.of("aapl", "bad symbol!"),
                Duration.ZERO, 0, d.weights(), d.risk(), Duration.ofDays(8), 0, d.evaluationPeriod()));
        for (String key : List.of("watchlist", "scan_interval_minutes", "max_ai_candidates", "proposal_ttl_minutes",
                "bars_for_advisor")) {
            assertTrue(e.getMessage().contains(key), key + " missing in: " + e.getMessage());
        }
    }

    @Test
    void aWatchlistHoldsAtMost500Symbols() {
        DeskConfig d = DeskConfig.defaults("1.0");
        List<String> symbols = new java.util.ArrayList<>();
        for (int i = 0; i < 501; i++) {
            symbols.add("S" + i);
        }
        var e = assertThrows(IllegalArgumentException.class, () -> new DeskConfig("1.0", symbols, d.scanInterval(), 3,
                d.weights(), d.risk(), d.proposalTtl(), 60, d.evaluationPeriod()));
        assertTrue(e.getMessage().contains("watchlist must list at most 500 items (got 501)"), e.getMessage());
        assertEquals(500, new DeskConfig("1.0", symbols.subList(0, 500), d.scanInterval(), 3, d.weights(), d.risk(),
                d.proposalTtl(), 60, d.evaluationPeriod()).watchlist().size());
    }

    @Test
    void theDefaultsAreTheDeclarationsDefaults() {
        DeskConfig d = DeskConfig.defaults("1.0");
        assertEquals(DeskConfig.RiskLimits.MAX_OPEN_TRADES.defaultValue().orElseThrow(), d.risk().maxOpenTrades());
        assertEquals(DeskConfig.ScoreWeights.EVIDENCE.defaultValue().orElseThrow(), d.weights().evidence());
        assertEquals(Duration.ofHours(DeskConfig.License.GRACE_HOURS.defaultValue().orElseThrow()), d.license().grace());
        var rule = assertThrows(IllegalArgumentException.class,
                () -> new DeskConfig.License(Duration.ofHours(6), Duration.ofHours(7)));
        assertTrue(rule.getMessage().startsWith("license.check_hours must not exceed license.grace_hours"),
                rule.getMessage());
    }

    @Test
    void watchlistIsUpperCasedAndDeduplicated() {
        DeskConfig d = DeskConfig.defaults("1.0");
        DeskConfig c = new DeskConfig("1.0", List.of(" aapl", "MSFT", "AAPL", "brk.b"), d.scanInterval(), 3,
                d.weights(), d.risk(), d.proposalTtl(), 60, d.evaluationPeriod());
        assertEquals(List.of("AAPL", "MSFT", "BRK.B"), c.watchlist());
        assertThrows(IllegalArgumentException.class, () -> new DeskConfig("1.0", List.of(), d.scanInterval(), 3,
                d.weights(), d.risk(), d.proposalTtl(), 60, d.evaluationPeriod()));
    }
}
