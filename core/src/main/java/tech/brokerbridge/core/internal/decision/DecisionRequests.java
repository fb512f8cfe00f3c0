package tech.brokerbridge.core.internal.decision;

import java.util.List;
import tech.brokerbridge.core.internal.scoring.ScoredSetup;
import tech.brokerbridge.ports.advisor.DecisionRequest;
import tech.brokerbridge.ports.advisor.RiskMetrics;
import tech.brokerbridge.ports.advisor.SignalScores;
import tech.brokerbridge.ports.advisor.SuggestedPrices;
import tech.brokerbridge.ports.market.Bar;
import tech.brokerbridge.ports.signals.Setup;

/**
 * Builds the {@link DecisionRequest} for a setup: symbol, direction, setup type, the last
 * {@code barCount} bars, the scores, the evidence, the suggested prices and the anonymized risk
 * metrics — nothing else exists in the type to fill.
 */
public final class DecisionRequests {
    private DecisionRequests() {
    }

    public static DecisionRequest of(ScoredSetup scored, List<Bar> bars, int barCount, RiskMetrics metrics) {
        Setup s = scored.setup();
        List<Bar> recent = bars.size() <= barCount ? bars : bars.subList(bars.size() - barCount, bars.size());
        return new DecisionRequest(s.symbol(), s.direction(), s.setupType(), recent,
                new SignalScores(s.evidenceStrength(), s.setupQuality(), scored.compositeScore()), s.evidence(),
                new SuggestedPrices(s.entry(), s.stop(), s.target()), metrics);
    }
}
