package tech.brokerbridge.paper;

import tech.brokerbridge.ports.broker.Broker;
import tech.brokerbridge.ports.tck.BrokerRig;

/**
 * A restarting broker under the broker contracts: before every price move the market is closed and a
 * new one opened on the same state directory, so whatever a test placed must carry on in the reopened
 * account exactly as if nothing had happened.
 */
record RestartingRig(RestartingBroker restarting) implements BrokerRig {
    @Override
    public Broker broker() {
        return restarting;
    }

    @Override
    public void marketTradesAt(String symbol, double price) {
        restarting.restart();
        restarting.market.exchange().forcePrice(symbol, price);
    }

    @Override
    public void close() {
        restarting.market.close();
    }
}
