/**
 * Interactive Brokers adapter: {@link tech.brokerbridge.ports.broker.Broker} and
 * {@link tech.brokerbridge.ports.market.MarketData} over the TWS API socket protocol, spoken directly
 * to IB Gateway or TWS on this machine (IB publishes no client library on Maven Central).
 *
 * <p>Published surface: {@link tech.brokerbridge.ibkr.IbkrFactory} (create, testConnection),
 * {@link tech.brokerbridge.ibkr.IbkrConfig}, the handle {@link tech.brokerbridge.ibkr.IbkrGateway}
 * and the connection-test result {@link tech.brokerbridge.ibkr.IbkrConnectionCheck}. Everything else
 * lives under {@code internal}.
 */
package tech.brokerbridge.ibkr;
