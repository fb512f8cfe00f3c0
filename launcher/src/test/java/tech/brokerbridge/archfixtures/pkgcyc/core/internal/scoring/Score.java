package tech.brokerbridge.archfixtures.pkgcyc.core.internal.scoring;

/** Planted violation: scoring → risk closes a cycle between two core sub-packages. */
public class Score {
    tech.brokerbridge.archfixtures.pkgcyc.core.internal.risk.Gate gate;
}
