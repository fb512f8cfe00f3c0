package tech.brokerbridge.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tech.brokerbridge.core.internal.Harness.assertStatus;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ports.broker.OrderState;
import tech.brokerbridge.ports.broker.OrderView;
import tech.brokerbridge.ports.desk.ActionResult;
import tech.brokerbridge.ports.desk.BracketView;
import tech.brokerbridge.ports.desk.KillSwitchOutcome;
import tech.brokerbridge.ports.desk.KillSwitchRequest;
import tech.brokerbridge.ports.desk.Modification;
import tech.brokerbridge.ports.desk.PositionView;
import tech.brokerbridge.ports.journal.Proposal;

class KillSwitchDeskTest {
    final Harness h = new Harness();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void engagedItStopsTheLoopRefusesApprovalsAndSurvivesARestart() {
        h.start();
        Proposal p = h.propose("AAPL");
        assertTrue(h.desk.startTrading());
        assertEquals(0, h.desk.engageKillSwitch(false, "news shock"));
        assertFalse(h.desk.health().tradingLoopActive());
        assertTrue(h.desk.health().killSwitchEngaged());
        ActionResult.Conflict c = assertInstanceOf(ActionResult.Conflict.class,
                h.desk.approve(p.proposalId(), Modification.none()));
        assertEquals("kill switch engaged: news shock", c.reason());
        assertFalse(h.desk.startTrading());

        h.restart();
        assertTrue(h.desk.health().killSwitchEngaged());
        assertFalse(h.desk.startTrading());
        assertInstanceOf(ActionResult.Conflict.class, h.desk.approve(p.proposalId(), Modification.none()));

        h.desk.releaseKillSwitch();
        assertFalse(h.desk.health().killSwitchEngaged());
        assertInstanceOf(ActionResult.Done.class, h.desk.approve(p.proposalId(), Modification.none()));
        assertTrue(h.desk.startTrading());
    }

    @Test
    void cancellingOpenOrdersCancelsUnfilledBracketsOnlyAndAFilledShortKeepsItsStop() {
        h.start();
        Proposal a = h.propose("AAPL");
        h.desk.approve(a.proposalId(), Modification.none());
        Proposal b = h.propose(Harness.shortSetup("MSFT"));
        h.desk.approve(b.proposalId(), Modification.none());
        h.broker.fillEntry(b.proposalId(), 100);
        h.awaitEvents();

        KillSwitchOutcome out = h.desk.engageKillSwitch(new KillSwitchRequest(true, false, "news shock"));
        h.awaitEvents();
        assertEquals(3, out.cancelledLegs(), "the unfilled AAPL bracket only");
        assertEquals(List.of(a.proposalId()), out.cancelledOrders());
        List<OrderView> shortLegs = h.broker.ordersByRef(b.proposalId());
        assertEquals(OrderState.WORKING, shortLegs.get(1).state(), "the filled short keeps its stop");
        assertEquals(OrderState.WORKING, shortLegs.get(2).state(), "and its target");
        assertStatus("failed", h.reload(a));
        assertStatus("executed", h.reload(b));
        PositionView msft = h.desk.positions().get(0);
        assertEquals(-msft.quantity(), h.reload(b).quantity());
        assertEquals(PositionView.Protection.PROTECTED, msft.protection());
        BracketView view = h.desk.brackets(10).stream().filter(v -> v.record().orderRef().equals(b.proposalId()))
                .findFirst().orElseThrow();
        assertEquals(BracketView.State.OPEN, view.state());

        h.desk.releaseKillSwitch();
        assertEquals(OrderState.WORKING, h.broker.ordersByRef(b.proposalId()).get(1).state(), "still protected");
        assertTrue(h.desk.health().warnings().isEmpty(), "no warning: " + h.desk.health().warnings());
    }

    @Test
    void reachingTheDailyLossOnApprovalEngagesIt() {
        h.start();
        Proposal p = h.propose("AAPL");
        h.broker.setAccount(100_000, -2500);
        ActionResult.GatesFailed f = assertInstanceOf(ActionResult.GatesFailed.class,
                h.desk.approve(p.proposalId(), Modification.none()));
        assertTrue(f.gates().stream().anyMatch(g -> g.gate().equals("daily_loss") && !g.passed()));
        assertTrue(h.desk.health().killSwitchEngaged());
        assertStatus("pending", h.reload(p));
        assertEquals(0, h.broker.submitCalls().size());
    }
}
