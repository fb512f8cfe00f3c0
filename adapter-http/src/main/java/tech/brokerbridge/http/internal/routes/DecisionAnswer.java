package tech.brokerbridge.http.internal.routes;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import tech.brokerbridge.http.internal.web.Rounded;
import tech.brokerbridge.ports.journal.DecisionRecord;
import tech.brokerbridge.ports.signals.Evidence;

/** What the desk decided about one setup, and why. */
record DecisionAnswer(String decisionId, Instant time, String scanId, String symbol, String direction,
        String setupType, List<EvidenceAnswer> evidence, @Rounded.Score double evidenceStrength,
        @Rounded.Score double setupQuality, @Rounded.Score double compositeScore, String outcome, String reason,
        Optional<String> aiVerdict, @Rounded.Score OptionalDouble aiConviction, Optional<String> thesisSummary,
        List<GateAnswer> gates, Optional<String> proposalId) {

    record EvidenceAnswer(String name, @Rounded.Figure double value, String note) {
        static EvidenceAnswer of(Evidence e) {
            return new EvidenceAnswer(e.name(), e.value(), e.note());
        }
    }

    static DecisionAnswer of(DecisionRecord d) {
        return new DecisionAnswer(d.decisionId(), d.time(), d.scanId(), d.symbol(), d.direction().wire(),
                d.setupType(), d.evidence().stream().map(EvidenceAnswer::of).toList(), d.evidenceStrength(),
                d.setupQuality(), d.compositeScore(), d.outcome(), d.reason(), d.aiVerdict(), d.aiConviction(),
                d.thesisSummary(), GateAnswer.of(d.gates()), d.proposalId());
    }

    static List<DecisionAnswer> of(List<DecisionRecord> decisions) {
        return decisions.stream().map(DecisionAnswer::of).toList();
    }
}
