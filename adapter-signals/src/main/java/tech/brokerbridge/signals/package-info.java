/**
 * The signals adapter: scanner plugins on ta4j indicators that turn daily bars into setups with
 * evidence. Start at {@link tech.brokerbridge.signals.SignalSourceFactory}; everything under
 * {@code internal} may change.
 */
package tech.brokerbridge.signals;
