package tech.brokerbridge.ports.fakes;

import tech.brokerbridge.ports.broker.Broker;
import tech.brokerbridge.ports.tck.BrokerContract;

/** The Broker contract, against the fake the core's tests use. */
class FakeBrokerContractTest extends BrokerContract {
    private FakeBroker broker;

    @Override
    protected Broker newBroker() {
        broker = new FakeBroker();
        return broker;
    }

    @Override
    protected void marketTradesAt(String symbol, double price) {
        broker.tradeAt(symbol, price);
    }
}
