package tech.brokerbridge.ibkr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ibkr.fake.FakeGateway;
import tech.brokerbridge.ibkr.fake.Rig;
import tech.brokerbridge.ibkr.internal.account.IbAccounts;
import tech.brokerbridge.ports.broker.BrokerException;

class IbkrFactoryTest {
    @Test
    void theConnectionTestHandshakesAndMasksAccountIds() throws Exception {
        try (FakeGateway gw = new FakeGateway().start()) {
            gw.accounts = List.of("DU1234567", "U7654321");
            IbkrConnectionCheck c = IbkrFactory.testConnection(IbkrConfig.defaults().withPort(gw.port()).withClientId(9));
            assertTrue(c.ok(), c.message());
            assertEquals(176, c.serverVersion());
            assertEquals(List.of("DU****567", "U7***321"), c.accounts());
            assertFalse(c.message().contains("1234567"));
            assertEquals(java.util.Map.of("DU****567", "paper", "U7***321", "live"), c.accountModes(),
                    "the account mode each account was found in");
            assertTrue(c.message().contains("DU****567 (paper), U7***321 (live)"), c.message());
        }
    }

    @Test
    void theConnectionTestReportsAnAbsentGateway() throws Exception {
        FakeGateway gw = new FakeGateway().start();
        int port = gw.port();
        gw.close();
        long t0 = System.nanoTime();
        IbkrConnectionCheck c = IbkrFactory.testConnection(IbkrConfig.defaults().withPort(port));
        assertFalse(c.ok());
        assertEquals(0, c.serverVersion());
        assertTrue(c.message().contains("cannot connect"), c.message());
        assertTrue(System.nanoTime() - t0 < 6_000_000_000L, "within the 5 s budget");
    }

    @Test
    void theConnectionTestGivesUpOnASilentGatewayWithinFiveSeconds() throws Exception {
        // a socket that accepts and never answers the handshake
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            long t0 = System.nanoTime();
            IbkrConnectionCheck c = IbkrFactory.testConnection(IbkrConfig.defaults().withPort(silent.getLocalPort()));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertFalse(c.ok());
            assertTrue(c.message().contains("handshake"), c.message());
            assertTrue(ms < 7_000, "bounded by the 5 s budget, took " + ms + " ms");
        }
    }

    @Test
    void theConnectionTestReportsAClientIdInUse() throws Exception {
        try (Rig rig = Rig.connected()) {
            IbkrConnectionCheck c = IbkrFactory.testConnection(IbkrConfig.defaults().withPort(rig.gw.port()));
            assertFalse(c.ok());
            assertTrue(c.message().contains("client id 1"), c.message());
        }
    }

    @Test
    void aClosedGatewayFailsFastAndCloseIsIdempotent() throws Exception {
        try (FakeGateway gw = new FakeGateway().start()) {
            IbkrGateway g = IbkrFactory.create(IbkrConfig.defaults().withPort(gw.port()), Rig.CLOCK);
            g.start();
            g.close();
            g.close();
            long t0 = System.nanoTime();
            BrokerException e = assertThrows(BrokerException.class, () -> g.broker().positions());
            assertTrue(e.getMessage().contains("closed"), e.getMessage());
            assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "no wait for the 10 s timeout");
            assertFalse(g.connectionStatus().connected());
        }
    }

    @Test
    void masksShortIdsEntirely() {
        assertEquals("****", IbAccounts.mask("U123"));
        assertEquals("DU****567", IbAccounts.mask("DU1234567"));
    }

    @Test
    void theFactoryBuildsAGatewayThatStartsWithoutAGatewayAndConnectsLater() throws Exception {
        FakeGateway gw = new FakeGateway().start();
        int port = gw.port();
        gw.stop();
        IbkrConfig config = IbkrConfig.defaults().withPort(port).withRequestTimeout(Duration.ofMillis(300));
        try (IbkrGateway g = IbkrFactory.create(config, Rig.CLOCK)) {
            assertFalse(g.connectionStatus().connected());
            g.start();
            assertFalse(g.broker().connectionStatus().connected());
            assertEquals("ibkr", g.broker().name());
            assertThrows(BrokerException.class, () -> g.broker().account());
            gw.start();
            // the real supervisor backs off 1 s, then 2 s ...: allow a few attempts
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (!g.connectionStatus().connected() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(g.connectionStatus().connected(), g.connectionStatus().message());
            assertEquals(100_000.0, g.broker().account().netLiquidation());
            assertTrue(g.marketData().bars(tech.brokerbridge.ports.market.BarRequest.dailyYear("MSFT")).isEmpty(),
                    "the fake has no MSFT bars");
        } finally {
            gw.close();
        }
    }
}
