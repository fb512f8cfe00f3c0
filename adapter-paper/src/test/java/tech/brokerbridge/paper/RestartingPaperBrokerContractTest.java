package tech.brokerbridge.paper;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import tech.brokerbridge.ports.broker.Broker;
import tech.brokerbridge.ports.tck.BrokerContract;

/**
 * The Broker contract with a restart before every price move: the market is closed and a new one
 * opened on the same state directory, so every bracket a test placed must carry on in the reopened
 * account (work, fill, cancel its sibling) exactly as if nothing had happened.
 */
class RestartingPaperBrokerContractTest extends BrokerContract {
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
