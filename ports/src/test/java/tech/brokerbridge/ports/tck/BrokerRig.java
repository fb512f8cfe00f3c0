package tech.brokerbridge.ports.tck;

import tech.brokerbridge.ports.broker.Broker;

/**
 * One broker implementation set up for the broker contracts: the broker, how its market is made to
 * trade at a price, and how it is released. An implementation writes its rig once and every contract it
 * runs ({@link BrokerContract}, {@link TradeControlContract}) opens a fresh one per test through
 * {@link BrokerFixture#newRig()}.
 */
public interface BrokerRig extends AutoCloseable {
    /**
     * A connected broker: no orders, no position in the contract's symbol, and buying power for the
     * test brackets (see {@link BrokerFixture}).
     */
    Broker broker();

    /**
     * The market for {@code symbol} trades at {@code price} now, as if the price had moved there: every
     * order of this broker that the price reaches executes as it would at the broker (a resting buy
     * limit at or above the price fills, a sell stop at or above it triggers, ...). Returns once the
     * broker has taken the price in; the resulting events may still be on their way.
     */
    void marketTradesAt(String symbol, double price);

    /** Releases the broker and whatever runs behind it; by default there is nothing to release. */
    @Override
    default void close() throws Exception {
    }
}
