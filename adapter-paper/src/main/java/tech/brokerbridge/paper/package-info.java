/**
 * The paper adapter: a simulated broker and market data, the desk's embedded default. Start at
 * {@link tech.brokerbridge.paper.PaperFactory}; everything under {@code internal} may change.
 */
package tech.brokerbridge.paper;
