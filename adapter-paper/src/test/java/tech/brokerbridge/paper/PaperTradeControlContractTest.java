package tech.brokerbridge.paper;

import tech.brokerbridge.paper.internal.SimulatedMarket;
import tech.brokerbridge.ports.tck.BrokerRig;
import tech.brokerbridge.ports.tck.TradeControlContract;

/** The TradeControl contract against the paper broker in memory, with its default (IB fixed) commissions. */
class PaperTradeControlContractTest extends TradeControlContract {
    @Override
    protected BrokerRig newRig() {
        return PaperBrokerContractTest.rig(new SimulatedMarket(PaperConfig.defaults(), PaperBrokerContractTest.CLOCK));
    }
}
