package tech.brokerbridge.ports.tck;

import tech.brokerbridge.ports.broker.Broker;

/**
 * One broker implementation set up for the broker contracts: the broker, how its market is made to
 * trade at a price, and how it is released. An implementation says this once, and every contract it
 * runs ({@link BrokerContract}, {@link TradeControlContract}) gets a fresh rig per test from
 * {@link BrokerFixture#newRig()}.
 *
 * @param broker a connected broker: no orders, no position in the contract's symbol, and buying power
 *     for the test brackets (see {@link BrokerFixture})
 * @param market moves the broker's market (see {@link PriceMove})
 * @param release releases the broker and whatever runs behind it, after the test
 */
public record BrokerRig(Broker broker, PriceMove market, AutoCloseable release) {
    /** A rig with nothing to release. */
    public static BrokerRig of(Broker broker, PriceMove market) {
        return new BrokerRig(broker, market, () -> { });
    }

    /**
     * The market for {@code symbol} trades at {@code price} now, as if the price had moved there: every
     * order of this broker that the price reaches executes as it would at the broker (a resting buy
     * limit at or above the price fills, a sell stop at or above it triggers, ...). Returns once the
     * broker has taken the price in; the resulting events may still be on their way.
     */
    @FunctionalInterface
    public interface PriceMove {
        void tradesAt(String symbol, double price);
    }
}
