package tech.brokerbridge.paper;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import tech.brokerbridge.ports.tck.BrokerContract;
import tech.brokerbridge.ports.tck.BrokerRig;

/**
 * The Broker contract with a restart before every price move ({@link RestartingBroker#rig()}): every bracket a
 * test placed must carry on in the reopened account (work, fill, cancel its sibling) exactly as if
 * nothing had happened.
 */
class RestartingPaperBrokerContractTest extends BrokerContract {
    @TempDir
    Path dir;

    @Override
    protected BrokerRig newRig() {
        return new RestartingBroker(dir).rig();
    }
}
