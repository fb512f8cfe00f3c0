package tech.brokerbridge.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ports.advisor.Advice;
import tech.brokerbridge.ports.advisor.DecisionRequest;
import tech.brokerbridge.ports.advisor.RiskMetrics;
import tech.brokerbridge.ports.advisor.SignalScores;
import tech.brokerbridge.ports.advisor.SuggestedPrices;
import tech.brokerbridge.ports.signals.Evidence;
import tech.brokerbridge.ports.tck.AdvisorContract;

class OfflineRulesAdvisorTest extends AdvisorContract {
    private final AdvisorHandle advisor = newAdvisor();

    @Override
    protected AdvisorHandle newAdvisor() {
        return AdvisorFactory.create(AdvisorConfig.defaults(), new TestSecretStore(), Clock.systemUTC());
    }

    @Test
    void isTheDefaultAndNeedsNoNetwork() {
        assertEquals("offline", advisor.provider());
        assertEquals("rules-v1", advisor.model());
        assertTrue(advisor.connected());
    }

    @Test
    void approvesAStrongSetupWithRoomAndExplainsItFromTheEvidence() {
        Advice a = advisor.decide(strongLong("AAPL"));
        assertEquals(Advice.Verdict.APPROVE, a.verdict());
        // 0.6*0.75 + 0.25*0.72 + 0.15*0.78 = 0.747
        assertEquals(0.75, a.conviction(), 1e-9);
        assertTrue(a.thesisSummary().startsWith("Approve long AAPL breakout"), a.thesisSummary());
        assertTrue(a.thesisSummary().contains("rsi_14 63.50 (momentum rising, not overbought)"), a.thesisSummary());
        assertTrue(a.exchanges().isEmpty());
        assertTrue(a.entryPrice().isEmpty() && a.stopPrice().isEmpty() && a.targetPrice().isEmpty());
    }

    @Test
    void isDeterministic() {
        DecisionRequest r = strongLong("NVDA");
        assertEquals(advisor.decide(r), advisor.decide(r));
    }

    @Test
    void rejectsWeakScoresWithTheReason() {
        Advice a = advisor.decide(weakShort("TSLA"));
        assertEquals(Advice.Verdict.REJECT, a.verdict());
        assertTrue(a.thesisSummary().contains("composite score 0.33 below 0.55"), a.thesisSummary());
        assertTrue(a.thesisSummary().contains("setup quality 0.30 below 0.50"), a.thesisSummary());
    }

    @Test
    void approvesAtTheScoreLimitsAndRejectsJustBelowThem() {
        assertEquals(Advice.Verdict.APPROVE, advisor.decide(withScores(0.5, 0.55)).verdict());
        assertEquals(Advice.Verdict.REJECT, advisor.decide(withScores(0.5, 0.549)).verdict());
        assertEquals(Advice.Verdict.REJECT, advisor.decide(withScores(0.499, 0.55)).verdict());
    }

    @Test
    void rejectsWhenTheRiskMetricsLeaveNoRoom() {
        assertRejected(new RiskMetrics(5.0, 1, 5, 0.0, 10, 0), "portfolio heat 5.00% at or above 5.00%");
        assertEquals(Advice.Verdict.APPROVE, advisor.decide(withRisk(new RiskMetrics(4.99, 4, 5, -1.49, 10, 0))).verdict());
        assertRejected(new RiskMetrics(1.0, 5, 5, 0.0, 10, 0), "5 of 5 trades already open");
        assertRejected(new RiskMetrics(1.0, 1, 5, -1.5, 10, 0), "today's P&L -1.50% at or below -1.50%");
    }

    @Test
    void aFlatDayReadsPlusZeroNeverMinusZero() {
        Advice a = advisor.decide(withRisk(new RiskMetrics(0.0, 0, 5, -0.0, 10, 0)));
        assertTrue(a.thesisSummary().contains("today's P&L +0.00%"), a.thesisSummary());
        Advice tiny = advisor.decide(withRisk(new RiskMetrics(-0.0, 0, 5, -0.001, 10, 0)));
        assertTrue(tiny.thesisSummary().contains("heat 0.00%, 0 of 5 trades open, today's P&L +0.00%"),
                tiny.thesisSummary());
    }

    @Test
    void rejectsPricesOnTheWrongSides() {
        DecisionRequest s = strongLong("AAPL");
        DecisionRequest bad = new DecisionRequest(s.symbol(), s.direction(), s.setupType(), s.bars(), s.scores(),
                s.evidence(), new SuggestedPrices(100, 105, 110), s.risk());
        Advice a = advisor.decide(bad);
        assertEquals(Advice.Verdict.REJECT, a.verdict());
        assertTrue(a.thesisSummary().contains("not on the right sides"), a.thesisSummary());
    }

    @Test
    void keepsTheThesisPlainAndWithin600CharactersWhateverTheEvidence() {
        DecisionRequest s = strongLong("AAPL");
        List<Evidence> lots = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            lots.add(new Evidence("indicator_" + i, i * 1.5, "a rather long note\nwith a line break number " + i));
        }
        DecisionRequest big = new DecisionRequest(s.symbol(), s.direction(), s.setupType(), s.bars(), s.scores(),
                lots, s.prices(), s.risk());
        Advice a = advisor.decide(big);
        assertTrue(a.thesisSummary().length() <= 600, "length " + a.thesisSummary().length());
        assertTrue(a.thesisSummary().chars().noneMatch(c -> c < 0x20), a.thesisSummary());
        assertTrue(a.thesisSummary().contains("indicator_0"), a.thesisSummary());
        assertTrue(a.thesisSummary().endsWith("today's P&L +0.30%."), a.thesisSummary());
        assertValidAdvice(big, a);
    }

    private void assertRejected(RiskMetrics risk, String reason) {
        Advice a = advisor.decide(withRisk(risk));
        assertEquals(Advice.Verdict.REJECT, a.verdict(), a.thesisSummary());
        assertTrue(a.thesisSummary().contains(reason), a.thesisSummary());
    }

    private static DecisionRequest withScores(double quality, double composite) {
        DecisionRequest s = strongLong("AAPL");
        return new DecisionRequest(s.symbol(), s.direction(), s.setupType(), s.bars(),
                new SignalScores(0.6, quality, composite), s.evidence(), s.prices(), s.risk());
    }

    private static DecisionRequest withRisk(RiskMetrics risk) {
        DecisionRequest s = strongLong("AAPL");
        return new DecisionRequest(s.symbol(), s.direction(), s.setupType(), s.bars(), s.scores(), s.evidence(),
                s.prices(), risk);
    }
}
