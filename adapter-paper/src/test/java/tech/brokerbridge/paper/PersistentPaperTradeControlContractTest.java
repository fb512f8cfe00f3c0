package tech.brokerbridge.paper;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import tech.brokerbridge.ports.tck.BrokerRig;
import tech.brokerbridge.ports.tck.TradeControlContract;

/**
 * The TradeControl contract with a restart before every price move ({@link RestartingBroker#rig()}, the account
 * kept in a state directory): a moved stop, a trailing stop, a cut leg, a working limit close and a
 * stand-alone stop must all carry on in the reopened account.
 */
class PersistentPaperTradeControlContractTest extends TradeControlContract {
    @TempDir
    Path dir;

    @Override
    protected BrokerRig newRig() {
        return new RestartingBroker(dir).rig();
    }
}
