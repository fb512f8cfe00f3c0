package tech.brokerbridge.archfixtures.pkgcyc.paper.internal;

/** Allowed: internal implements the root's published interface. */
public class SimulatedMarket implements tech.brokerbridge.archfixtures.pkgcyc.paper.Market {
}
