package tech.brokerbridge.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tech.brokerbridge.core.internal.Harness.assertStatus;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ports.desk.ActionResult;
import tech.brokerbridge.ports.desk.Modification;
import tech.brokerbridge.ports.journal.OrderRecord;
import tech.brokerbridge.ports.journal.Proposal;
import tech.brokerbridge.ports.journal.ProposalStatus;

class RestartTest {
    final Harness h = new Harness();

    @AfterEach
    void close() {
        h.close();
    }

    private static String lastReason(Proposal p) {
        return p.history().get(p.history().size() - 1).reason();
    }

    @Test
    void anExecutingProposalFoundAtTheBrokerCarriesOn() {
        h.start();
        Proposal p = h.propose("AAPL");
        h.desk.approve(p.proposalId(), Modification.none());
        h.restart();
        assertStatus("executing", h.reload(p));
        assertStatus("executed", h.entryFilled(p));
        assertEquals(1, h.broker.submitCalls().size());
    }

    @Test
    void anEntryThatFilledWhileDownIsExecutedAtStart() {
        h.start();
        Proposal p = h.propose("AAPL");
        h.desk.approve(p.proposalId(), Modification.none());
        h.desk.close();
        h.broker.fillEntry(p.proposalId(), 100);
        h.start();
        assertStatus("executed", h.reload(p));
        assertTrue(lastReason(h.reload(p)).contains("found by reconciliation"));
    }

    @Test
    void aProposalLeftSubmittingAndUnknownToTheBrokerFailsAndIsNeverResubmitted() {
        h.start();
        Proposal p = h.propose("AAPL");
        // the process died after writing the order record and moving to executing, before the broker call
        leftExecuting(p, "bracket order being sent", OrderRecord.State.SUBMITTING, List.of(), "about to be sent");
        h.restart();
        Proposal after = h.reload(p);
        assertStatus("failed", after);
        assertEquals("not found at the broker after restart; not resubmitted", lastReason(after));
        assertEquals(OrderRecord.State.FAILED, h.journal.findOrder(p.proposalId()).orElseThrow().state());
        assertEquals(0, h.broker.submitCalls().size());
    }

    @Test
    void aProposalLeftApprovedIsReconciledToo() {
        h.start();
        Proposal p = h.propose("AAPL");
        h.journal.saveProposal(p.withStatus(ProposalStatus.APPROVED, Harness.T0, "approved by the user"));
        h.restart();
        assertStatus("failed", h.reload(p));
        assertEquals(0, h.broker.submitCalls().size());
    }

    @Test
    void aBrokerDownAtStartDelaysReconciliationUntilItIsBack() {
        h.start();
        Proposal p = h.propose("AAPL");
        leftExecuting(p, "sent", OrderRecord.State.ACCEPTED, List.of("1", "2", "3"), "accepted");
        h.broker.setConnected(false);
        h.restart();
        assertStatus("executing", h.reload(p));
        h.desk.runMaintenance();
        assertStatus("executing", h.reload(p));
        h.broker.setConnected(true);
        h.desk.runMaintenance();
        assertEquals("not found at the broker after restart; not resubmitted", lastReason(h.reload(p)));
    }

    @Test
    void everythingAcknowledgedIsStillThereAfterARestart() {
        h.start();
        Proposal approved = h.propose("AAPL");
        h.desk.approve(approved.proposalId(), Modification.none());
        Proposal rejected = h.propose("MSFT");
        h.desk.reject(rejected.proposalId(), Optional.of("no"));
        Proposal pending = h.propose("NVDA");
        h.restart();
        assertStatus("executing", h.desk.proposal(approved.proposalId()).orElseThrow());
        assertStatus("rejected", h.desk.proposal(rejected.proposalId()).orElseThrow());
        assertStatus("pending", h.desk.proposal(pending.proposalId()).orElseThrow());
        assertEquals(2, h.desk.approvals().size());
        assertEquals(3, h.desk.aiAudit(10).size());
        assertInstanceOf(ActionResult.Done.class, h.desk.approve(pending.proposalId(), Modification.none()));
    }

    @Test
    void pendingProposalsThatExpiredWhileDownAreExpiredAtStart() {
        h.start();
        Proposal p = h.propose("AAPL");
        h.desk.close();
        h.clock.advance(Duration.ofHours(1));
        h.start();
        assertStatus("expired", h.reload(p));
    }

    /** The journal as a desk that stopped mid-execution left it: {@code p} executing, its order record in {@code state}. */
    private void leftExecuting(Proposal p, String sentReason, OrderRecord.State state, List<String> brokerIds,
            String message) {
        h.journal.saveProposal(p.withStatus(ProposalStatus.APPROVED, Harness.T0, "approved by the user")
                .withStatus(ProposalStatus.EXECUTING, Harness.T0, sentReason));
        h.journal.saveOrder(new OrderRecord(p.proposalId(), p.symbol(), p.direction(), p.quantity(), p.entryPrice(),
                p.stopPrice(), p.targetPrice(), state, brokerIds, message, Harness.T0, Harness.T0));
    }
}
