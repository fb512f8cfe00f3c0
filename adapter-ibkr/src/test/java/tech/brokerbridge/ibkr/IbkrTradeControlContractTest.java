package tech.brokerbridge.ibkr;

import java.io.IOException;
import tech.brokerbridge.ibkr.fake.Rig;
import tech.brokerbridge.ports.tck.BrokerRig;
import tech.brokerbridge.ports.tck.TradeControlContract;

/** The TradeControl contract, against the adapter connected to the fake IB Gateway over loopback. */
class IbkrTradeControlContractTest extends TradeControlContract {
    @Override
    protected BrokerRig newRig() throws IOException {
        return Rig.connected().brokerRig();
    }
}
