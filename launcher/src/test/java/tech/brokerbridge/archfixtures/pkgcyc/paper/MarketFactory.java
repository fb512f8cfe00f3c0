package tech.brokerbridge.archfixtures.pkgcyc.paper;

/** Allowed: the published factory builds the internal implementation of the published interface. */
public final class MarketFactory {
    public static Market create() {
        return new tech.brokerbridge.archfixtures.pkgcyc.paper.internal.SimulatedMarket();
    }
}
