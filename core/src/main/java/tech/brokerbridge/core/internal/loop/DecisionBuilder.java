package tech.brokerbridge.core.internal.loop;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import tech.brokerbridge.core.internal.proposals.RandomIds;
import tech.brokerbridge.core.internal.scoring.ScoredSetup;
import tech.brokerbridge.ports.advisor.Advice;
import tech.brokerbridge.ports.journal.DecisionRecord;
import tech.brokerbridge.ports.journal.GateResult;
import tech.brokerbridge.ports.market.Direction;
import tech.brokerbridge.ports.market.MarketDataException;
import tech.brokerbridge.ports.signals.Setup;

/** Collects what is known about one setup's decision and builds its {@link DecisionRecord}. */
final class DecisionBuilder {
    /** The setup type of a decision about a symbol no setup could be read for. */
    static final String NO_SETUP = "none";
    private final String scanId;
    private final Instant time;
    private final Setup setup;
    private final double composite;
    private Optional<String> verdict = Optional.empty();
    private OptionalDouble aiConviction = OptionalDouble.empty();
    private Optional<String> thesis = Optional.empty();
    private List<GateResult> gates = List.of();
    private Optional<String> proposalId = Optional.empty();

    DecisionBuilder(String scanId, Instant time, ScoredSetup scored) {
        this.scanId = scanId;
        this.time = time;
        this.setup = scored.setup();
        this.composite = scored.compositeScore();
    }

    DecisionBuilder advice(Advice a) {
        verdict = Optional.of(a.verdict().wire());
        aiConviction = OptionalDouble.of(a.conviction());
        thesis = Optional.of(a.thesisSummary());
        return this;
    }

    DecisionBuilder gates(List<GateResult> g) {
        gates = g;
        return this;
    }

    DecisionBuilder proposal(String id) {
        proposalId = Optional.of(id);
        return this;
    }

    /**
     * The decision for a symbol whose market data could not be read: no setup was found, so its setup
     * type is {@code none}; the outcome is the data problem's code (e.g. {@code no_market_data_permission}).
     */
    static DecisionRecord dataError(String scanId, Instant time, String symbol, MarketDataException e) {
        return new DecisionRecord(RandomIds.decisionId(), time, scanId, symbol, Direction.LONG, NO_SETUP, List.of(),
                0, 0, 0, e.problem().code(), e.getMessage(), Optional.empty(), OptionalDouble.empty(),
                Optional.empty(), List.of(), Optional.empty());
    }

    DecisionRecord build(String outcome, String reason) {
        return new DecisionRecord(RandomIds.decisionId(), time, scanId, setup.symbol(), setup.direction(),
                setup.setupType(), setup.evidence(), setup.evidenceStrength(), setup.setupQuality(), composite, outcome,
                reason, verdict, aiConviction, thesis, gates, proposalId);
    }
}
