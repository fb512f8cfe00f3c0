package tech.brokerbridge.archfixtures.pkgcyc.core.internal.risk;

/** Planted violation: risk → scoring, while scoring → risk. */
public class Gate {
    tech.brokerbridge.archfixtures.pkgcyc.core.internal.scoring.Score score;
}
