package tech.brokerbridge.ports.fakes;

import tech.brokerbridge.ports.tck.BrokerRig;
import tech.brokerbridge.ports.tck.TradeControlContract;

/** The TradeControl contract, against the fake the core's tests use (charging 1.00 per execution). */
class FakeBrokerTradeControlContractTest extends TradeControlContract {
    @Override
    protected BrokerRig newRig() {
        FakeBroker fake = new FakeBroker().chargeCommission(1.0);
        return BrokerRig.of(fake, fake::tradeAt);
    }
}
