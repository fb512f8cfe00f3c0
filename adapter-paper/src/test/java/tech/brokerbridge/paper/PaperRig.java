package tech.brokerbridge.paper;

import tech.brokerbridge.paper.internal.SimulatedMarket;
import tech.brokerbridge.ports.broker.Broker;
import tech.brokerbridge.ports.tck.BrokerRig;

/** A paper market under the broker contracts: its prices move only when a test forces them. */
record PaperRig(SimulatedMarket market) implements BrokerRig {
    @Override
    public Broker broker() {
        return market.broker();
    }

    @Override
    public void marketTradesAt(String symbol, double price) {
        market.exchange().forcePrice(symbol, price);
    }

    @Override
    public void close() {
        market.close();
    }
}
