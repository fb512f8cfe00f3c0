package tech.brokerbridge.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tech.brokerbridge.core.internal.Harness.assertStatus;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ports.desk.ActionResult;
import tech.brokerbridge.ports.desk.Modification;
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
    void itCanCancelEveryOpenBracket() {
        h.start();
        Proposal a = h.propose("AAPL");
        h.desk.approve(a.proposalId(), Modification.none());
        Proposal b = h.propose("MSFT");
        h.desk.approve(b.proposalId(), Modification.none());
        h.broker.fillEntry(b.proposalId(), 50);
        assertEquals(3 + 2, h.desk.engageKillSwitch(true, "flatten"));
        h.awaitEvents();
        assertTrue(h.broker.openOrders().isEmpty());
        assertStatus("failed", h.reload(a));
        assertStatus("executed", h.reload(b));
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
