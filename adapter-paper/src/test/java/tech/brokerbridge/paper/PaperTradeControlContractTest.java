package tech.brokerbridge.paper;

import tech.brokerbridge.paper.internal.SimulatedMarket;
import tech.brokerbridge.ports.broker.Broker;
import tech.brokerbridge.ports.tck.TradeControlContract;

/** The TradeControl contract against the paper broker, with its default (IB fixed) commissions. */
class PaperTradeControlContractTest extends TradeControlContract {
    private SimulatedMarket market;

    @Override
    protected Broker newBroker() {
        market = new SimulatedMarket(config(), PaperBrokerContractTest.CLOCK);
        return market.broker();
    }

    /** The paper account under test: in memory here. */
    PaperConfig config() {
        return PaperConfig.defaults();
    }

    @Override
    protected void marketTradesAt(String symbol, double price) {
        market.exchange().forcePrice(symbol, price);
    }

    @Override
    protected void closeBroker(Broker broker) {
        market.close();
    }
}
