package tech.brokerbridge.paper;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import tech.brokerbridge.paper.internal.SimulatedMarket;
import tech.brokerbridge.ports.broker.Broker;
import tech.brokerbridge.ports.tck.BrokerContract;

/** The Broker contract with the account kept in a state directory: saving changes nothing a caller sees. */
class PersistentPaperBrokerContractTest extends BrokerContract {
    @TempDir
    Path dir;

    private SimulatedMarket market;

    @Override
    protected Broker newBroker() {
        market = new SimulatedMarket(PaperConfig.persistentIn(dir), PaperBrokerContractTest.CLOCK);
        return market.broker();
    }

    @Override
    protected String knownSymbol() {
        return "AAPL";
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
