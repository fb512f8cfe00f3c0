package tech.brokerbridge.ports.fakes;

import tech.brokerbridge.ports.broker.Broker;
import tech.brokerbridge.ports.tck.TradeControlContract;

/** The TradeControl contract, against the fake the core's tests use (charging 1.00 per execution). */
class FakeBrokerTradeControlContractTest extends TradeControlContract {
    private FakeBroker broker;

    @Override
    protected Broker newBroker() {
        broker = new FakeBroker().chargeCommission(1.0);
        return broker;
    }

    @Override
    protected void marketTradesAt(String symbol, double price) {
        broker.tradeAt(symbol, price);
    }
}
