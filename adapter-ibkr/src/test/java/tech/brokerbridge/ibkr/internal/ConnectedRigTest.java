package tech.brokerbridge.ibkr.internal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import tech.brokerbridge.ibkr.fake.Rig;

/** Tests on a fresh connected rig per test, with AAPL trading at 100 on the fake gateway. */
abstract class ConnectedRigTest {
    Rig rig;

    @BeforeEach
    void start() throws Exception {
        rig = Rig.connected();
        rig.gw.marketTradesAt("AAPL", 100.0);
    }

    @AfterEach
    void stop() {
        rig.close();
    }
}
