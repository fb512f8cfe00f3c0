package tech.brokerbridge.paper;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The Broker contract with the account kept in a state directory: saving changes nothing a caller sees. */
class PersistentPaperBrokerContractTest extends PaperBrokerContractTest {
    @TempDir
    Path dir;

    @Override
    PaperConfig config() {
        return PaperConfig.persistentIn(dir);
    }
}
