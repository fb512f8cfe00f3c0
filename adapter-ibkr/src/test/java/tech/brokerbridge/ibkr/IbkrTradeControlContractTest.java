package tech.brokerbridge.ibkr;

import java.io.IOException;
import java.io.UncheckedIOException;
import tech.brokerbridge.ibkr.fake.Rig;
import tech.brokerbridge.ports.broker.Broker;
import tech.brokerbridge.ports.tck.TradeControlContract;

/** The TradeControl contract, against the adapter connected to the fake IB Gateway over loopback. */
class IbkrTradeControlContractTest extends TradeControlContract {
    private Rig rig;

    @Override
    protected Broker newBroker() {
        try {
            rig = Rig.connected();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rig.broker;
    }

    @Override
    protected void marketTradesAt(String symbol, double price) {
        rig.gw.marketTradesAt(symbol, price);
    }

    @Override
    protected void closeBroker(Broker broker) {
        rig.close();
    }
}
