package tech.brokerbridge.core.internal;

import tech.brokerbridge.core.DeskConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ports.desk.ScanReport;
import tech.brokerbridge.ports.journal.DecisionRecord;
import tech.brokerbridge.ports.journal.Proposal;

/** Settings changed while the desk runs take effect from the next scan, approval or loop tick. */
class ReconfigureTest {
    final Harness h = new Harness();

    @AfterEach
    void close() {
        h.close();
    }

    private DeskConfig changed(List<String> watchlist, Duration interval, DeskConfig.RiskLimits risk, Duration ttl) {
        DeskConfig c = h.config;
        return new DeskConfig("ignored-version", watchlist, interval, c.maxAiCandidates(), c.weights(), risk, ttl,
                c.barsForAdvisor(), Duration.ofDays(99));
    }

    @Test
    void theNextScanUsesTheNewWatchlistLimitsAndTtl() {
        h.start();
        assertEquals(50, h.propose("AAPL").quantity(), "5 % of 100 000 at 100");

        DeskConfig.RiskLimits d = DeskConfig.RiskLimits.defaults();
        h.desk.reconfigure(changed(List.of("MSFT", "NVDA"), Duration.ofMinutes(5), new DeskConfig.RiskLimits(2.0,
                d.maxOpenTrades(), d.maxPortfolioHeatPct(), d.maxDailyLossPct(), d.minRewardRisk(), d.riskPerTradePct()),
                Duration.ofMinutes(7)));
        Proposal p = h.propose("MSFT");
        assertEquals(20, p.quantity(), "2 % of 100 000 at 100");
        assertEquals(h.clock.instant().plus(Duration.ofMinutes(7)), p.expiresAt());
        h.signals.script("AAPL", Harness.longSetup("AAPL"));
        ScanReport r = h.desk.scanNow();
        assertEquals(2, r.symbolsScanned());
        assertTrue(r.decisions().stream().noneMatch(x -> x.symbol().equals("AAPL")), r.decisions().toString());
        assertEquals("1.2.3-test", h.desk.health().version(), "the version is kept");

        h.desk.reconfigure(changed(List.of("NVDA"), Duration.ofMinutes(5), new DeskConfig.RiskLimits(2.0,
                d.maxOpenTrades(), d.maxPortfolioHeatPct(), d.maxDailyLossPct(), 3.0, d.riskPerTradePct()),
                Duration.ofMinutes(7)));
        h.signals.script("NVDA", Harness.longSetup("NVDA"));
        DecisionRecord nvda = h.desk.scanNow().decisions().get(0);
        assertTrue(nvda.proposalId().isEmpty(), "reward:risk 2 is now below the minimum 3: " + nvda);
    }

    @Test
    void aRunningLoopFollowsTheNewInterval() {
        h.start();
        h.desk.reconfigure(changed(h.config.watchlist(), Duration.ofHours(1), h.config.risk(), h.config.proposalTtl()));
        h.desk.startTrading();
        Harness.await(() -> h.signals.calls() >= 4, "the first scan, at once");
        h.desk.reconfigure(changed(h.config.watchlist(), Duration.ofMillis(20), h.config.risk(),
                h.config.proposalTtl()));
        Harness.await(() -> h.signals.calls() >= 12, "two more scans at the new interval");
        assertTrue(h.desk.health().tradingLoopActive());
    }
}
