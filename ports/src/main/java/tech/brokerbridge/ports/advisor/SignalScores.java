package tech.brokerbridge.ports.advisor;

/** The setup's scores, each in [0,1]. */
public record SignalScores(double evidenceStrength, double setupQuality, double compositeScore) {
}
