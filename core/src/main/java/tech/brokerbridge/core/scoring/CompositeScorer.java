package tech.brokerbridge.core.scoring;

import java.util.Objects;

/**
 * {@code composite_score = wE·evidence_strength + wQ·setup_quality + wC·conviction}, with normalized
 * weights, clamped to [0,1]. Before the advisor answers, the conviction is the
 * {@link SignalConviction signal conviction}; afterwards it is the advisor's conviction.
 */
public final class CompositeScorer {
    private final ScoringWeights weights;

    public CompositeScorer(ScoringWeights weights) {
        this.weights = Objects.requireNonNull(weights, "weights");
    }

    public double score(double evidenceStrength, double setupQuality, double conviction) {
        double s = weights.evidence() * evidenceStrength + weights.quality() * setupQuality
                + weights.conviction() * conviction;
        return Math.max(0, Math.min(1, s));
    }

    public ScoringWeights weights() {
        return weights;
    }
}
