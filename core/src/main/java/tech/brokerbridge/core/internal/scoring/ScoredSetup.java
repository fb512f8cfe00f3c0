package tech.brokerbridge.core.internal.scoring;

import java.util.Objects;
import tech.brokerbridge.ports.signals.Setup;

/** A setup with its signal conviction and its composite score before the advisor. */
public record ScoredSetup(Setup setup, double signalConviction, double compositeScore) {
    public ScoredSetup {
        Objects.requireNonNull(setup, "setup");
    }
}
