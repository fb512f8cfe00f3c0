package tech.brokerbridge.ports.advisor;

import java.util.List;
import tech.brokerbridge.ports.Require;
import tech.brokerbridge.ports.market.Bar;
import tech.brokerbridge.ports.market.Direction;
import tech.brokerbridge.ports.signals.Evidence;

/**
 * Everything an advisor may learn about a trade, and nothing more. This type is the privacy
 * promise: it holds symbol, direction, bars, signal scores and evidence, the setup's prices and
 * anonymized risk metrics — no account id, amount, holding or credential can be put in it.
 * An adapter serializes exactly these fields and nothing else from the desk.
 */
public record DecisionRequest(String symbol, Direction direction, String setupType, List<Bar> bars,
        SignalScores scores, List<Evidence> evidence, SuggestedPrices prices, RiskMetrics risk) {
    public DecisionRequest {
        Require.nonNull("symbol", symbol, "direction", direction, "setupType", setupType, "scores", scores,
                "prices", prices, "risk", risk);
        bars = List.copyOf(bars);
        evidence = List.copyOf(evidence);
    }
}
