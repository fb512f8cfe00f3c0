package tech.brokerbridge.ports.fakes;

import tech.brokerbridge.ports.broker.Broker;
import tech.brokerbridge.ports.tck.BrokerRig;

/** The fake broker under the broker contracts: its market moves when a test trades a price. */
record FakeBrokerRig(FakeBroker fake) implements BrokerRig {
    @Override
    public Broker broker() {
        return fake;
    }

    @Override
    public void marketTradesAt(String symbol, double price) {
        fake.tradeAt(symbol, price);
    }
}
