package tech.brokerbridge.core.internal;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tech.brokerbridge.core.internal.Harness.longSetup;
import static tech.brokerbridge.core.internal.Harness.setup;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tech.brokerbridge.ports.advisor.Advice;
import tech.brokerbridge.ports.advisor.AdvisorException;
import tech.brokerbridge.ports.advisor.DecisionRequest;
import tech.brokerbridge.ports.broker.Position;
import tech.brokerbridge.ports.desk.ScanReport;
import tech.brokerbridge.ports.fakes.FakeAdvisor;
import tech.brokerbridge.ports.journal.DecisionRecord;
import tech.brokerbridge.ports.journal.KillSwitchState;
import tech.brokerbridge.ports.journal.Proposal;
import tech.brokerbridge.ports.journal.ProposalQuery;
import tech.brokerbridge.ports.journal.ProposalStatus;
import tech.brokerbridge.ports.market.Direction;
import tech.brokerbridge.ports.market.Quote;
import tech.brokerbridge.ports.market.MarketDataException;
import tech.brokerbridge.ports.signals.SignalSourceException;

class ScanTest {
    final Harness h = new Harness();

    @AfterEach
    void close() {
        h.close();
    }

    private static Map<String, DecisionRecord> bySymbol(ScanReport r) {
        return r.decisions().stream().collect(Collectors.toMap(DecisionRecord::symbol, Function.identity(),
                (a, b) -> a.compositeScore() >= b.compositeScore() ? a : b));
    }

    @Test
    void aScanProposesTheBestSetupsAndRecordsEveryDecision() {
        h.start();
        h.signals.script("AAPL", setup("AAPL", "breakout", Direction.LONG, 0.9, 0.9, 100, 98, 104),
                setup("AAPL", "pullback_buy", Direction.LONG, 0.6, 0.6, 100, 98, 104));
        h.signals.script("MSFT", setup("MSFT", "breakout", Direction.LONG, 0.8, 0.8, 50, 49, 52));
        h.signals.script("NVDA", setup("NVDA", "breakdown", Direction.SHORT, 0.7, 0.7, 200, 204, 192));
        h.signals.script("AMZN", setup("AMZN", "reversal", Direction.LONG, 0.2, 0.2, 100, 98, 104));
        h.market.quote("MSFT", 50.1, Quote.Freshness.REALTIME).quote("NVDA", 199.5, Quote.Freshness.REALTIME);
        ScanReport r = h.desk.scanNow();

        assertEquals(4, r.symbolsScanned());
        assertEquals(5, r.decisions().size());
        assertEquals(List.of(), r.errors());
        assertEquals(r.decisions(), h.journal.decisions(Instant.MIN, Instant.MAX));
        assertEquals(r.decisions().size(), h.journal.writes().stream().filter(w -> w.startsWith("decision ")).count(),
                "each decision recorded once");
        long proposed = r.decisions().stream().filter(d -> d.outcome().equals("proposed")).count();
        assertEquals(3, proposed);
        assertEquals(3, h.advisor.requests().size());
        DecisionRecord amzn = bySymbol(r).get("AMZN");
        assertEquals("not_selected", amzn.outcome());
        assertTrue(amzn.reason().contains("ranked 4 of 4"), amzn.reason());
        assertTrue(r.decisions().stream().anyMatch(d -> d.setupType().equals("pullback_buy")
                && d.outcome().equals("not_selected") && d.reason().contains("better-scored setup on AAPL")));

        DecisionRecord aapl = r.decisions().stream().filter(d -> d.setupType().equals("breakout")
                && d.symbol().equals("AAPL")).findFirst().orElseThrow();
        Proposal p = h.desk.proposal(aapl.proposalId().orElseThrow()).orElseThrow();
        assertTrue(p.proposalId().matches("prp-[0-9a-f]{12}"));
        assertEquals(ProposalStatus.PENDING, p.status());
        assertEquals(50, p.quantity(), "0.5 % of 100 000 / 2 = 250, capped at 5 % / 100 = 50");
        assertEquals(0.7, p.conviction(), "the FakeAdvisor's default approval");
        DecisionRequest judged = h.advisor.requests().stream().filter(q -> q.symbol().equals("AAPL")).findFirst()
                .orElseThrow();
        assertEquals(0.4 * 0.9 + 0.35 * 0.9 + 0.25 * 1.0, p.compositeScore(), 1e-9,
                "the composite the advisor judged (two agreeing setups: signal conviction 1.0), not recomputed with"
                        + " the advisor's conviction, so that a thesis quoting it quotes what is stored");
        assertEquals(judged.scores().compositeScore(), p.compositeScore(), 0.0);
        assertEquals(p.compositeScore(), aapl.compositeScore(), 1e-12);
        assertEquals(0.7, aapl.aiConviction().orElseThrow(), "the advisor's conviction is kept beside it");
        assertEquals(5, p.gates().size());
        assertEquals(Harness.T0.plus(Duration.ofMinutes(30)), p.expiresAt());
        assertEquals(1, p.history().size());
        assertEquals("Fake approval of AAPL.", p.thesisSummary());
        assertEquals(3, h.desk.proposals(ProposalQuery.all(10)).proposals().size());
        assertEquals(5, h.desk.decisions(Harness.T0.atOffset(java.time.ZoneOffset.UTC).toLocalDate()).size());
    }

    @Test
    void beforeTheAdvisorConvictionIsSignalAgreement() {
        h.start();
        // MSFT has two agreeing setups (conviction 1.0), NVDA one (0.5) with the same evidence and quality
        h.signals.script("MSFT", setup("MSFT", "breakout", Direction.LONG, 0.5, 0.5, 50, 49, 52),
                setup("MSFT", "pullback_buy", Direction.LONG, 0.5, 0.5, 50, 49, 52));
        h.signals.script("NVDA", setup("NVDA", "breakout", Direction.LONG, 0.5, 0.5, 50, 49, 52));
        h.config = h.config;
        ScanReport r = h.desk.scanNow();
        DecisionRequest first = h.advisor.requests().get(0);
        assertEquals("MSFT", first.symbol());
        assertEquals(0.4 * 0.5 + 0.35 * 0.5 + 0.25 * 1.0, first.scores().compositeScore(), 1e-9);
        assertEquals(0.4 * 0.5 + 0.35 * 0.5 + 0.25 * 0.5, h.advisor.requests().get(1).scores().compositeScore(), 1e-9);
        assertEquals(3, r.decisions().size());
    }

    @Test
    void theRequestCarriesRatiosNeverAmounts() {
        h.broker.setAccount(250_000, -1250);
        h.broker.setPosition(new Position("JPM", 100, 150, 150, 0, 0));
        h.start();
        h.signals.script("AAPL", longSetup("AAPL"));
        h.desk.scanNow();
        DecisionRequest req = h.advisor.requests().get(0);
        assertEquals(60, req.bars().size());
        assertEquals(-0.5, req.risk().dailyPnlPct(), 1e-9);
        assertEquals(6.0, req.risk().longExposurePct(), 1e-9); // 15 000 / 250 000
        assertEquals(1, req.risk().openTrades());
        assertEquals(5, req.risk().maxOpenTrades());
        assertEquals(6.0, req.risk().portfolioHeatPct(), 1e-9, "JPM has no stop: its whole value is at risk");
        String text = req.toString();
        assertFalse(text.contains("JPM"), "no holding leaves the machine");
        assertFalse(text.contains("-1250"), "no amount leaves the machine");
        assertFalse(req.risk().toString().contains("250000"), "no amount leaves the machine");
    }

    @Test
    void anAdvisorRejectionIsRecordedWithItsThesisAndProposesNothing() {
        h.advisor.then(r -> new Advice(Advice.Verdict.REJECT, 0.3, "trend too weak", OptionalDouble.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), List.of(h.advisor.exchangeFor(r))));
        h.start();
        h.signals.script("AAPL", longSetup("AAPL"));
        DecisionRecord d = h.desk.scanNow().decisions().get(0);
        assertEquals("ai_rejected", d.outcome());
        assertTrue(d.reason().contains("trend too weak"));
        assertEquals("reject", d.aiVerdict().orElseThrow());
        assertEquals(0.3, d.aiConviction().getAsDouble());
        assertTrue(d.proposalId().isEmpty());
        assertEquals(0, h.desk.proposals(ProposalQuery.all(10)).proposals().size());
        assertEquals(List.of("ai_exchange", "decision ai_rejected"), tail(h.journal.writes(), 2));
    }

    @ParameterizedTest
    @EnumSource(AdvisorException.Kind.class)
    void anAdvisorFailureIsRecordedAndNeverProposes(AdvisorException.Kind kind) {
        h.advisor.thenFail(kind, "provider said no");
        h.start();
        h.signals.script("AAPL", longSetup("AAPL"));
        DecisionRecord d = h.desk.scanNow().decisions().get(0);
        assertEquals(kind.code(), d.outcome());
        assertEquals("provider said no", d.reason());
        assertEquals(0, h.desk.proposals(ProposalQuery.all(10)).proposals().size());
        assertEquals(List.of("ai_exchange", "decision " + kind.code()), tail(h.journal.writes(), 2),
                "the exchange is audited before the decision is recorded");
        assertEquals(1, h.desk.aiAudit(10).size());
    }

    @Test
    void aSlowAdvisorTimesOut() {
        h.tuning = new DeskTuning(Duration.ofMillis(100), Duration.ofHours(1));
        CountDownLatch never = new CountDownLatch(1);
        h.advisor.thenHold(never);
        h.start();
        h.signals.script("AAPL", longSetup("AAPL"));
        DecisionRecord d = h.desk.scanNow().decisions().get(0);
        never.countDown();
        assertEquals("ai_timeout", d.outcome());
        assertFalse(h.desk.health().ai().connected());
    }

    @Test
    void theApprovedAdviceIsAuditedBeforeTheProposalIsSaved() {
        h.start();
        h.signals.script("AAPL", longSetup("AAPL"));
        Proposal p = h.propose("AAPL");
        List<String> w = h.journal.writes();
        int audit = w.indexOf("ai_exchange");
        int saved = w.indexOf("proposal " + p.proposalId() + " pending");
        int decided = w.indexOf("decision proposed");
        assertTrue(audit >= 0 && audit < saved && saved < decided, w.toString());
    }

    @Test
    void adjustedPricesFromTheAdvisorAreUsed() {
        h.advisor.thenAnswer(new Advice(Advice.Verdict.APPROVE, 0.9, "tighter", OptionalDouble.of(99),
                OptionalDouble.of(97), OptionalDouble.of(105), List.of()));
        h.start();
        Proposal p = h.propose("AAPL");
        assertEquals(99, p.entryPrice());
        assertEquals(97, p.stopPrice());
        assertEquals(105, p.targetPrice());
        assertEquals(50, p.quantity()); // cap 5000 / 99 = 50.5
    }

    @Test
    void failingGatesAndZeroQuantityProposeNothing() {
        h.advisor.then(FakeAdvisor::approve).then(FakeAdvisor::approve); // both pass the advisor
        h.start();
        h.signals.script("AAPL", setup("AAPL", "breakout", Direction.LONG, 0.9, 0.9, 100, 98, 101)); // rr 0.5
        h.signals.script("MSFT", setup("MSFT", "breakout", Direction.LONG, 0.8, 0.8, 6000, 5990, 6100)); // cap 0
        Map<String, DecisionRecord> d = bySymbol(h.desk.scanNow());
        assertEquals("gates_failed", d.get("AAPL").outcome());
        assertTrue(d.get("AAPL").reason().startsWith("trade_sanity: reward:risk 0.50"), d.get("AAPL").reason());
        assertEquals(5, d.get("AAPL").gates().size());
        assertEquals("zero_quantity", d.get("MSFT").outcome());
        assertTrue(d.get("MSFT").reason().contains("allows 0"), d.get("MSFT").reason());
        assertEquals(0, h.desk.proposals(ProposalQuery.all(10)).proposals().size());
    }

    @Test
    void symbolsAlreadyInPlayAreSkippedWithWhy() {
        h.broker.setPosition(new Position("MSFT", 10, 50, 50, 0, 0));
        h.start();
        Proposal pending = h.propose("AAPL");
        h.signals.script("AAPL", longSetup("AAPL"));
        h.signals.script("MSFT", longSetup("MSFT"));
        Map<String, DecisionRecord> d = bySymbol(h.desk.scanNow());
        assertEquals("symbol_busy", d.get("AAPL").outcome());
        assertTrue(d.get("AAPL").reason().contains(pending.proposalId()), d.get("AAPL").reason());
        assertEquals("symbol_busy", d.get("MSFT").outcome());
        assertTrue(d.get("MSFT").reason().contains("open position"));
        assertEquals(1, h.advisor.requests().size(), "only the first scan's candidate went to the advisor");
    }

    @Test
    void aFailingSymbolIsReportedAndTheScanGoesOn() {
        h.market.fail("MSFT", MarketDataException.unavailable("HMDS query timed out", null));
        h.signals.fail("NVDA", new SignalSourceException("only 3 bars", null));
        h.start();
        h.signals.script("AAPL", longSetup("AAPL"));
        ScanReport r = h.desk.scanNow();
        assertEquals(List.of("MSFT: HMDS query timed out", "NVDA: only 3 bars"), r.errors());
        assertEquals(2, r.symbolsScanned());
        Map<String, DecisionRecord> d = bySymbol(r);
        assertEquals("proposed", d.get("AAPL").outcome());
        assertEquals("market_data_unavailable", d.get("MSFT").outcome(), "the data problem is a decision too");
        assertEquals("HMDS query timed out", d.get("MSFT").reason());
        assertEquals("none", d.get("MSFT").setupType());
        assertEquals(List.of("MSFT [market_data_unavailable]: HMDS query timed out"),
                h.desk.health().marketData().problems());
    }

    @Test
    void reachingTheDailyLossLimitEngagesTheKillSwitchAndNothingGoesToTheAdvisor() {
        h.broker.setAccount(100_000, -2000);
        h.start();
        h.signals.script("AAPL", longSetup("AAPL"));
        DecisionRecord d = h.desk.scanNow().decisions().get(0);
        assertEquals("kill_switch_engaged", d.outcome());
        assertTrue(h.desk.health().killSwitchEngaged());
        assertTrue(d.reason().contains("daily loss limit reached"), d.reason());
        assertEquals(0, h.advisor.requests().size());
        KillSwitchState.Engaged saved = (KillSwitchState.Engaged) h.journal.killSwitch().orElseThrow();
        assertEquals(KillSwitchState.EngagedBy.DAILY_LOSS_LIMIT, saved.by());
        assertTrue(saved.reason().startsWith("daily loss limit reached"), saved.reason());
    }

    @Test
    void aConcurrentScanJoinsTheRunningOne() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch inAdvisor = new CountDownLatch(1);
        h.advisor.then(r -> {
            inAdvisor.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return FakeAdvisor.approve(r);
        });
        h.start();
        h.signals.script("AAPL", longSetup("AAPL"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<ScanReport> first = pool.submit(h.desk::scanNow);
            assertTrue(inAdvisor.await(5, TimeUnit.SECONDS));
            Future<ScanReport> second = pool.submit(h.desk::scanNow);
            Thread.sleep(50); // give the second call the chance to (wrongly) start its own scan
            release.countDown();
            assertEquals(first.get(5, TimeUnit.SECONDS).scanId(), second.get(5, TimeUnit.SECONDS).scanId());
            assertEquals(4, h.signals.calls(), "one scan of 4 symbols, not two");
        } finally {
            pool.shutdownNow();
        }
    }

    static List<String> tail(List<String> l, int n) {
        return l.subList(l.size() - n, l.size());
    }
}
