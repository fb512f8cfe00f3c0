package tech.brokerbridge.core.internal.scoring;

import java.util.Objects;

/**
 * {@code composite_score = wE·evidence_strength + wQ·setup_quality + wC·conviction}, with normalized
 * weights, clamped to [0,1], where the conviction is the {@link SignalConviction signal conviction}.
 * It is computed once per setup, before the advisor: the advisor is shown it, and the decision and the
 * proposal keep that same figure (the advisor's own conviction is kept beside it, never folded in).
 */
public final class CompositeScorer {
    private volatile ScoringWeights weights;

    public CompositeScorer(ScoringWeights weights) {
        this.weights = Objects.requireNonNull(weights, "weights");
    }

    public double score(double evidenceStrength, double setupQuality, double conviction) {
        ScoringWeights w = weights;
        double s = w.evidence() * evidenceStrength + w.quality() * setupQuality + w.conviction() * conviction;
        return Math.max(0, Math.min(1, s));
    }

    public ScoringWeights weights() {
        return weights;
    }

    /** Replaces the weights; scores computed from now on use them. */
    public void weights(ScoringWeights next) {
        this.weights = Objects.requireNonNull(next, "weights");
    }
}
