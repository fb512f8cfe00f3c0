/**
 * The ports of BrokerBridge: the interfaces the core drives (broker, market data, advisor, license
 * service, secret store, signal source, journal), the driving port that the HTTP adapter and
 * embedders call ({@link tech.brokerbridge.ports.desk.TradingDesk}), and the values that cross them.
 *
 * <p>This module depends on the JDK only. Values are records, alternatives are sealed interfaces,
 * absence is {@link java.util.Optional}; no {@code null} crosses a port. Technical failures are
 * unchecked {@link tech.brokerbridge.ports.PortException}s that say whether a retry can help;
 * business outcomes are values.
 */
package tech.brokerbridge.ports;
