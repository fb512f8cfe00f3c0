package tech.brokerbridge.ports.journal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import tech.brokerbridge.ports.Require;
import tech.brokerbridge.ports.market.Direction;
import tech.brokerbridge.ports.signals.Evidence;

/**
 * What the desk decided about one setup in one scan, and why.
 *
 * @param outcome e.g. {@code proposed}, {@code not_selected}, {@code ai_rejected},
 *     {@code ai_invalid_response}, {@code ai_unreachable}, {@code gates_failed}, {@code zero_quantity},
 *     {@code price_out_of_bounds}, or a market data problem's code ({@code no_market_data_permission},
 *     ...). A decision about a symbol whose market data could not be read has no setup: its
 *     {@code setupType} is {@code none} (and its direction and scores mean nothing)
 */
public record DecisionRecord(String decisionId, Instant time, String scanId, String symbol, Direction direction,
        String setupType, List<Evidence> evidence, double evidenceStrength, double setupQuality,
        double compositeScore, String outcome, String reason, Optional<String> aiVerdict,
        OptionalDouble aiConviction, Optional<String> thesisSummary, List<GateResult> gates,
        Optional<String> proposalId) {
    public DecisionRecord {
        Require.nonNull("decisionId", decisionId, "time", time, "scanId", scanId, "symbol", symbol,
                "direction", direction, "setupType", setupType, "outcome", outcome, "reason", reason,
                "aiVerdict", aiVerdict, "aiConviction", aiConviction, "thesisSummary", thesisSummary,
                "proposalId", proposalId);
        evidence = List.copyOf(evidence);
        gates = List.copyOf(gates);
    }
}
