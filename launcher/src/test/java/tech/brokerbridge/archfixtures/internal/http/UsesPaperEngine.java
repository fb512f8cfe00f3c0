package tech.brokerbridge.archfixtures.internal.http;

/** Planted violation: one adapter uses a sub-package of another's internal package. */
public class UsesPaperEngine {
    tech.brokerbridge.archfixtures.internal.paper.internal.sim.Engine engine;
}
