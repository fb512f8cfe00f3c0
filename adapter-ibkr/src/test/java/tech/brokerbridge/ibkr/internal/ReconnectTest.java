package tech.brokerbridge.ibkr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ibkr.fake.FakeGateway;
import tech.brokerbridge.ibkr.fake.Rig;
import tech.brokerbridge.ibkr.internal.msg.Outbound;
import tech.brokerbridge.ports.broker.BracketOrder;
import tech.brokerbridge.ports.broker.BrokerException;
import tech.brokerbridge.ports.broker.OrderEvent;
import tech.brokerbridge.ports.broker.SubmitResult;
import tech.brokerbridge.ports.market.Direction;

class ReconnectTest {
    private static BracketOrder bracket(String ref) {
        return new BracketOrder(ref, "AAPL", Direction.LONG, 100, 150.0, 145.0, 160.0);
    }


    /** Index in the gateway's log of the last startApi, i.e. the start of the current session. */
    private static int lastSessionStart(List<Outbound> log) {
        for (int i = log.size() - 1; i >= 0; i--) {
            if (log.get(i) instanceof Outbound.StartApi) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void dropAfterTheTransmittingLegReconnectsAndDoesNotSendADuplicate() throws Exception {
        FakeGateway gw = new FakeGateway();
        gw.dropAfterPlaceOrder = 3; // the group reaches the gateway, the answer never reaches us
        try (Rig rig = Rig.connected(gw, s -> s)) {
            BrokerException e = assertThrows(BrokerException.class, () -> rig.broker.submitBracket(bracket("p-1")));
            assertTrue(e.retryable());
            assertTrue(e.getMessage().contains("resubmitting is safe"), e.getMessage());
            // the core retries: the adapter reconnects, reconciles, finds the ref at the gateway
            SubmitResult again = rig.broker.submitBracket(bracket("p-1"));
            SubmitResult.Rejected rej = assertInstanceOf(SubmitResult.Rejected.class, again);
            assertTrue(rej.duplicate());
            assertEquals(3, gw.placedOrders().size(), "no placeOrder after the drop");
            assertEquals(3, gw.ordersWithRef("p-1"));
            assertEquals(2, gw.connectedVersions.size());
            List<Outbound> log = List.copyOf(gw.received);
            int start = lastSessionStart(log);
            List<Outbound> session = log.subList(start, log.size());
            assertTrue(session.stream().anyMatch(Outbound.ReqAllOpenOrders.class::isInstance));
            assertTrue(session.stream().anyMatch(Outbound.ReqExecutions.class::isInstance));
            assertEquals(3, rig.broker.openOrders().size());
        }
    }

    @Test
    void dropBeforeTheGroupWasTransmittedResubmitsOnceWithNewIds() throws Exception {
        FakeGateway gw = new FakeGateway();
        gw.dropAfterPlaceOrder = 2; // parent and stop are untransmitted: the gateway discards them
        try (Rig rig = Rig.connected(gw, s -> s)) {
            assertThrows(BrokerException.class, () -> rig.broker.submitBracket(bracket("p-2")));
            SubmitResult again = rig.broker.submitBracket(bracket("p-2"));
            SubmitResult.Accepted a = assertInstanceOf(SubmitResult.Accepted.class, again, again::toString);
            assertEquals(3, gw.ordersWithRef("p-2"), "exactly one bracket with this ref at the gateway");
            List<Outbound> log = List.copyOf(gw.received);
            int start = lastSessionStart(log);
            int reconciled = -1;
            int firstPlace = -1;
            for (int i = start; i < log.size(); i++) {
                if (log.get(i) instanceof Outbound.ReqExecutions && reconciled < 0) {
                    reconciled = i;
                }
                if (log.get(i) instanceof Outbound.PlaceOrder && firstPlace < 0) {
                    firstPlace = i;
                }
            }
            assertTrue(reconciled > start && reconciled < firstPlace,
                    "reconciliation precedes any submission after the reconnect");
            assertTrue(Integer.parseInt(a.brokerOrderIds().get(0)) > gw.placedOrders().get(1).orderId());
        }
    }

    @Test
    void aGatewayRestartIsSurvivedAndAFilledBracketIsNotResent() throws Exception {
        FakeGateway gw = new FakeGateway();
        gw.behaviour.put("AAPL", FakeGateway.Behaviour.FILL_ENTRY_AND_TARGET);
        try (Rig rig = Rig.connected(gw, s -> s)) {
            rig.broker.submitBracket(bracket("p-3"));
            rig.events.await(e -> e instanceof OrderEvent.Filled, 2);
            gw.restart();
            Eventually.until(() -> gw.connectedVersions.size() == 2, "reconnected");
            rig.awaitReady();
            assertTrue(rig.broker.connectionStatus().connected());
            // nothing of p-3 is open any more: only the executions tell the adapter about it
            SubmitResult again = rig.broker.submitBracket(bracket("p-3"));
            assertTrue(assertInstanceOf(SubmitResult.Rejected.class, again).duplicate());
            assertEquals(3, gw.placedOrders().size());
            assertEquals(2, rig.events.of(OrderEvent.Filled.class).size(), "fills are not reported twice");
        }
    }

    @Test
    void startsWithoutAGatewayAndConnectsWhenItComes() throws Exception {
        FakeGateway gw = new FakeGateway();
        try (Rig rig = Rig.withGatewayDown(gw, s -> Rig.timeout(s, java.time.Duration.ofMillis(200)))) {
            Eventually.until(() -> rig.sleeps.size() >= 3, "a few reconnect attempts");
            assertFalse(rig.broker.connectionStatus().connected());
            assertTrue(rig.broker.connectionStatus().message().contains("retrying"),
                    rig.broker.connectionStatus().message());
            BrokerException e = assertThrows(BrokerException.class, rig.broker::positions);
            assertTrue(e.retryable());
            // exponential backoff: each delay at least the previous one
            for (int i = 1; i < 3; i++) {
                assertTrue(rig.sleeps.get(i).compareTo(rig.sleeps.get(i - 1)) >= 0, rig.sleeps.toString());
            }
            gw.start();
            rig.awaitReady();
            assertTrue(rig.broker.connectionStatus().connected());
            assertEquals(1, rig.broker.positions().size());
        }
    }

    @Test
    void whileDisconnectedCallsFailRetryablyWithinTheTimeout() throws Exception {
        FakeGateway gw = new FakeGateway();
        try (Rig rig = Rig.connected(gw, s -> new ClientSettings(s.host(), s.port(), s.clientId(),
                java.time.Duration.ofMillis(200), s.connectTimeout(), "", "SMART", "USD", s.initialBackoff(),
                s.maxBackoff(), s.heartbeat(), s.clock(), s.sleeper(), s.ticker(), s.random()))) {
            gw.stop();
            Eventually.until(() -> !rig.broker.connectionStatus().connected(), "disconnect noticed");
            BrokerException e = assertThrows(BrokerException.class, () -> rig.broker.submitBracket(bracket("p-4")));
            assertTrue(e.retryable());
            assertTrue(e.getMessage().contains("not connected"), e.getMessage());
            assertEquals(0, gw.placedOrders().size());
        }
    }
}
