package tech.brokerbridge.archfixtures.internal.paper.internal.sim;

/** Deep inside paper's internal package. */
public class Engine {
}
