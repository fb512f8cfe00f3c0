package tech.brokerbridge.launcher.ibkr;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import tech.brokerbridge.ibkr.fake.FakeGateway;

/** A desk test on a fake IB Gateway: the desk's data directory, the gateway, the desk; both stopped after each test. */
abstract class OnFakeGateway {
    @TempDir
    Path home;

    final FakeGateway gw = new FakeGateway();
    IbkrDesk desk;

    @AfterEach
    void stopDeskAndGateway() {
        if (desk != null) {
            desk.close();
        }
        gw.close();
    }
}
