package tech.brokerbridge.ibkr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tech.brokerbridge.ibkr.fake.FakeGateway;
import tech.brokerbridge.ibkr.fake.Rig;
import tech.brokerbridge.ibkr.internal.msg.Outbound;
import tech.brokerbridge.ports.broker.BracketOrder;
import tech.brokerbridge.ports.broker.OrderEvent;
import tech.brokerbridge.ports.broker.SubmitResult;
import tech.brokerbridge.ports.market.Direction;

class HandshakeTest {
    @ParameterizedTest
    @ValueSource(ints = {157, 176})
    void negotiatesTheServerVersionAndSpeaksItsLayouts(int version) throws Exception {
        FakeGateway gw = new FakeGateway();
        gw.maxServerVersion = version;
        gw.behaviour.put("AAPL", FakeGateway.Behaviour.FILL_ENTRY);
        try (Rig rig = Rig.connected(gw, UnaryOperator.identity())) {
            assertEquals(version, gw.connectedVersions.get(0));
            assertEquals("v157..176", gw.handshakes.get(0));
            assertTrue(rig.broker.connectionStatus().connected());
            assertTrue(rig.broker.connectionStatus().message().contains("server version " + version));
            Outbound.StartApi start = (Outbound.StartApi) gw.received.get(0);
            assertEquals(1, start.clientId());
            // a whole bracket and a cancel go through the version's layouts; the fake decoder would
            // drop the connection on any misalignment
            SubmitResult r = rig.broker.submitBracket(new BracketOrder("p-" + version, "AAPL", Direction.LONG, 10,
                    100.0, 95.0, 110.0));
            assertInstanceOf(SubmitResult.Accepted.class, r);
            rig.events.await(e -> e instanceof OrderEvent.Filled, 1);
            assertEquals(1, rig.broker.cancel("p-" + version) >= 1 ? 1 : 0);
            // the scripted MSFT holding and the AAPL position the entry fill opened
            assertEquals(java.util.List.of("MSFT", "AAPL"), rig.broker.positions().stream()
                    .map(tech.brokerbridge.ports.broker.Position::symbol).toList());
            assertEquals(1, gw.connectedVersions.size(), "no reconnect happened");
            assertEquals(Long.valueOf(1_772_463_600L), Long.valueOf(rig.client.currentTime()));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {150, 120})
    void refusesAGatewayBelowTheOfferedRange(int version) throws Exception {
        FakeGateway gw = new FakeGateway();
        gw.maxServerVersion = version;
        try (Rig rig = Rig.withGatewayDown(gw)) {
            gw.start();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (rig.sleeps.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertFalse(rig.broker.connectionStatus().connected());
            assertTrue(rig.broker.connectionStatus().message().contains("server version " + version),
                    rig.broker.connectionStatus().message());
            assertTrue(gw.connectedVersions.isEmpty());
            assertTrue(gw.received.isEmpty(), "startApi is never sent at an unsupported version");
        }
    }
}
