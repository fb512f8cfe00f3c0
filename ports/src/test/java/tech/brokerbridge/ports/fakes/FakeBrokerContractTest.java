package tech.brokerbridge.ports.fakes;

import tech.brokerbridge.ports.tck.BrokerContract;
import tech.brokerbridge.ports.tck.BrokerRig;

/** The Broker contract, against the fake the core's tests use. */
class FakeBrokerContractTest extends BrokerContract {
    @Override
    protected BrokerRig newRig() {
        FakeBroker fake = new FakeBroker();
        return BrokerRig.of(fake, fake::tradeAt);
    }
}
