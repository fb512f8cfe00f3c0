package tech.brokerbridge.ibkr;

import java.io.IOException;
import tech.brokerbridge.ibkr.fake.Rig;
import tech.brokerbridge.ports.tck.BrokerContract;
import tech.brokerbridge.ports.tck.BrokerRig;

/** The Broker contract, against the adapter connected to the fake IB Gateway over loopback. */
class IbkrBrokerContractTest extends BrokerContract {
    @Override
    protected BrokerRig newRig() throws IOException {
        return Rig.connected().brokerRig();
    }
}
