package tech.brokerbridge.core.internal.scoring;

import java.util.Objects;
import tech.brokerbridge.core.DeskConfig.ScoreWeights;

/**
 * {@code composite_score = wE·evidence_strength + wQ·setup_quality + wC·conviction}, with the weights
 * normalized to sum 1, clamped to [0,1], where the conviction is the {@link SignalConviction signal
 * conviction}. It is computed once per setup, before the advisor: the advisor is shown it, and the
 * decision and the proposal keep that same figure (the advisor's own conviction is kept beside it,
 * never folded in).
 */
public final class CompositeScorer {
    private volatile ScoreWeights weights;

    public CompositeScorer(ScoreWeights weights) {
        this.weights = Objects.requireNonNull(weights, "weights");
    }

    public double score(double evidenceStrength, double setupQuality, double conviction) {
        ScoreWeights w = weights;
        double sum = w.evidence() + w.quality() + w.conviction(); // > 0: ScoreWeights' own rule
        double s = (w.evidence() * evidenceStrength + w.quality() * setupQuality + w.conviction() * conviction) / sum;
        return Math.max(0, Math.min(1, s));
    }

    public ScoreWeights weights() {
        return weights;
    }

    /** Replaces the weights; scores computed from now on use them. */
    public void weights(ScoreWeights next) {
        this.weights = Objects.requireNonNull(next, "weights");
    }
}
