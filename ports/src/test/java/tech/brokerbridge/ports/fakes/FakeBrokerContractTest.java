package tech.brokerbridge.ports.fakes;

import tech.brokerbridge.ports.tck.BrokerContract;
import tech.brokerbridge.ports.tck.BrokerRig;

/** The Broker contract, against the fake the core's tests use. */
class FakeBrokerContractTest extends BrokerContract {
    @Override
    protected BrokerRig newRig() {
        return new FakeBrokerRig(new FakeBroker());
    }
}
