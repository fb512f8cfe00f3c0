package tech.brokerbridge.paper;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import tech.brokerbridge.ports.broker.Broker;
import tech.brokerbridge.ports.tck.TradeControlContract;

/**
 * The TradeControl contract with a restart before every price move (the account kept in a state
 * directory): a moved stop, a trailing stop, a cut leg, a working limit close and a stand-alone stop
 * must all carry on in the reopened account.
 */
class PersistentPaperTradeControlContractTest extends TradeControlContract {
    @TempDir
    Path dir;

    private RestartingBroker broker;

    @Override
    protected Broker newBroker() {
        broker = new RestartingBroker(dir);
        return broker;
    }

    @Override
    protected void marketTradesAt(String symbol, double price) {
        broker.restart();
        broker.market.exchange().forcePrice(symbol, price);
    }

    @Override
    protected void closeBroker(Broker b) {
        broker.market.close();
    }
}
