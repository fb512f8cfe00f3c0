package tech.brokerbridge.core.internal.scoring;

/**
 * Normalized weights of the composite score; they sum to 1.
 */
public record ScoringWeights(double evidence, double quality, double conviction) {
    public ScoringWeights {
        double sum = evidence + quality + conviction;
        if (!(evidence >= 0 && quality >= 0 && conviction >= 0) || !(sum > 0) || Double.isInfinite(sum)) {
            throw new IllegalArgumentException("weights must be finite, >= 0 and not all 0");
        }
        evidence /= sum;
        quality /= sum;
        conviction /= sum;
    }
}
