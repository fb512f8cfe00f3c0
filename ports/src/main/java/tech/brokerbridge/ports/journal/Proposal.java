package tech.brokerbridge.ports.journal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tech.brokerbridge.ports.Require;
import tech.brokerbridge.ports.market.Direction;

/**
 * A trade proposal shown to the user, with its gate results and full status history.
 *
 * @param proposalId {@code prp-} followed by 12 lowercase hex digits
 * @param pricing the prices it was made on: their source, and whether the last price was delayed
 */
public record Proposal(String proposalId, String symbol, Direction direction, String setupType, double conviction,
        double compositeScore, double entryPrice, double stopPrice, double targetPrice, long quantity,
        String thesisSummary, List<GateResult> gates, Instant createdAt, Instant expiresAt, ProposalStatus status,
        List<StatusChange> history, PriceBasis pricing) {
    public Proposal {
        Require.nonNull("proposalId", proposalId, "symbol", symbol, "direction", direction, "setupType", setupType,
                "thesisSummary", thesisSummary, "createdAt", createdAt, "expiresAt", expiresAt, "status", status,
                "pricing", pricing);
        gates = List.copyOf(gates);
        history = List.copyOf(history);
    }

    /** A proposal whose price basis is not known ({@link PriceBasis#UNKNOWN}). */
    public Proposal(String proposalId, String symbol, Direction direction, String setupType, double conviction,
            double compositeScore, double entryPrice, double stopPrice, double targetPrice, long quantity,
            String thesisSummary, List<GateResult> gates, Instant createdAt, Instant expiresAt, ProposalStatus status,
            List<StatusChange> history) {
        this(proposalId, symbol, direction, setupType, conviction, compositeScore, entryPrice, stopPrice, targetPrice,
                quantity, thesisSummary, gates, createdAt, expiresAt, status, history, PriceBasis.UNKNOWN);
    }

    /** This proposal's trade alone: a copy with no gate results and no history. */
    public Proposal tradeOnly() {
        return new Proposal(proposalId, symbol, direction, setupType, conviction, compositeScore, entryPrice,
                stopPrice, targetPrice, quantity, thesisSummary, List.of(), createdAt, expiresAt, status, List.of(),
                pricing);
    }

    /** A copy moved to {@code to}, with the change appended to the history. */
    public Proposal withStatus(ProposalStatus to, Instant time, String reason) {
        List<StatusChange> h = new ArrayList<>(history);
        h.add(new StatusChange(time, Optional.of(status), to, reason));
        return new Proposal(proposalId, symbol, direction, setupType, conviction, compositeScore, entryPrice,
                stopPrice, targetPrice, quantity, thesisSummary, gates, createdAt, expiresAt, to, h, pricing);
    }

    /** A copy with a modified trade and the gate results that were computed for it. */
    public Proposal withTrade(long newQuantity, double newStop, double newTarget, List<GateResult> newGates) {
        return new Proposal(proposalId, symbol, direction, setupType, conviction, compositeScore, entryPrice,
                newStop, newTarget, newQuantity, thesisSummary, newGates, createdAt, expiresAt, status, history, pricing);
    }
}
