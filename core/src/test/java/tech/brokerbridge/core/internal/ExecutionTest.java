package tech.brokerbridge.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tech.brokerbridge.core.internal.Harness.assertStatus;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ports.broker.OrderEvent;
import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.desk.ActionResult;
import tech.brokerbridge.ports.desk.Modification;
import tech.brokerbridge.ports.journal.OrderRecord;
import tech.brokerbridge.ports.journal.Proposal;

class ExecutionTest {
    final Harness h = new Harness();

    @AfterEach
    void close() {
        h.close();
    }

    private Proposal approved(String symbol) {
        Proposal p = h.propose(symbol);
        return assertInstanceOf(ActionResult.Done.class, h.desk.approve(p.proposalId(), Modification.none()))
                .proposal();
    }

    private OrderRecord order(Proposal p) {
        return h.journal.findOrder(p.proposalId()).orElseThrow();
    }

    @Test
    void theEntryFillMakesItExecutedAndTheTargetFillClosesTheOrder() {
        h.start();
        Proposal p = approved("AAPL");
        h.broker.fillEntry(p.proposalId(), 99.95);
        h.awaitEvents();
        assertStatus("executed", h.reload(p));
        assertEquals("entry filled at 99.95", h.reload(p).history().get(3).reason());
        assertEquals(OrderRecord.State.ENTRY_FILLED, order(p).state());
        h.broker.fillChild(p.proposalId(), OrderLeg.TAKE_PROFIT);
        h.awaitEvents();
        assertEquals(OrderRecord.State.CLOSED, order(p).state());
        assertEquals(2, h.journal.fills(p.proposalId()).size());
    }

    @Test
    void aReplayedFillIsRecordedOnce() {
        h.start();
        Proposal p = approved("AAPL");
        OrderEvent.Filled fill = new OrderEvent.Filled(p.proposalId(), OrderLeg.ENTRY, "fb-1", "exec-77", "AAPL", 50,
                100, true, Harness.T0);
        h.broker.emit(fill);
        h.broker.emit(fill);
        h.awaitEvents();
        assertEquals(1, h.journal.fills(p.proposalId()).size());
        assertStatus("executed", h.reload(p));
    }

    @Test
    void aBrokerRejectionOnSubmitFailsItWithTheBrokersReason() {
        h.start();
        h.broker.rejectNextSubmit("Order rejected - reason: insufficient margin");
        Proposal p = approved("AAPL");
        assertStatus("failed", p);
        assertEquals("rejected by fake: Order rejected - reason: insufficient margin",
                p.history().get(p.history().size() - 1).reason());
        assertEquals(OrderRecord.State.REJECTED, order(p).state());
    }

    @Test
    void aLateRejectionEventFailsTheExecutingProposal() {
        h.start();
        Proposal p = approved("AAPL");
        h.broker.rejectLater(p.proposalId(), "201: no trading permissions");
        h.awaitEvents();
        Proposal after = h.reload(p);
        assertStatus("failed", after);
        assertTrue(after.history().get(after.history().size() - 1).reason().contains("201: no trading permissions"));
        assertEquals(OrderRecord.State.REJECTED, order(p).state());
    }

    @Test
    void aCancelledUnfilledEntryFailsTheProposal() {
        h.start();
        Proposal p = approved("AAPL");
        h.broker.cancel(p.proposalId());
        h.awaitEvents();
        assertStatus("failed", h.reload(p));
        assertEquals(OrderRecord.State.CANCELLED, order(p).state());
    }

    @Test
    void anOutageBeforeTheBrokerTookItKeepsItExecutingThenFailsItAfterReconnectWithoutResubmitting() {
        h.start();
        h.broker.failNextSubmitBeforeSending();
        Proposal p = approved("AAPL");
        assertStatus("executing", p);
        assertEquals(OrderRecord.State.SUBMITTING, order(p).state());
        assertTrue(order(p).message().contains("never resubmitted"), order(p).message());

        h.broker.setConnected(false);
        h.desk.runMaintenance();
        assertStatus("executing", h.reload(p));
        h.broker.setConnected(true);
        h.desk.runMaintenance();
        Proposal after = h.reload(p);
        assertStatus("failed", after);
        assertEquals("not found at the broker after a failed submission; not resubmitted",
                after.history().get(after.history().size() - 1).reason());
        assertEquals(1, h.broker.submitCalls().size(), "never resubmitted");
    }

    @Test
    void aLostAcknowledgementIsFoundByReconciliationAndCarriesOn() {
        h.start();
        h.broker.failNextSubmitAfterSending();
        Proposal p = approved("AAPL");
        assertStatus("executing", p);
        h.desk.runMaintenance();
        h.awaitEvents();
        assertStatus("executing", h.reload(p));
        assertEquals(OrderRecord.State.ACCEPTED, order(p).state());
        assertEquals(3, order(p).brokerOrderIds().size());
        assertStatus("executed", h.entryFilled(p));
        assertEquals(1, h.broker.submitCalls().size());
    }

    @Test
    void fillsMissedWhileDisconnectedAreCaughtByReconciliation() {
        h.start();
        Proposal p = approved("AAPL");
        var listener = h.broker.listenerCount();
        assertEquals(1, listener);
        h.desk.close(); // no listener: the fill is missed
        h.broker.fillEntry(p.proposalId(), 100);
        h.start();
        assertStatus("executed", h.reload(p));
        assertEquals(OrderRecord.State.ENTRY_FILLED, order(p).state());
    }

    @Test
    void aDuplicateAnswerMeansAlreadySubmittedAndIsReconciled() {
        h.start();
        Proposal p = h.propose("AAPL");
        // by the time the bracket is sent, the broker already holds this ref
        h.broker.onSubmit(() -> h.broker.knowBracket(new tech.brokerbridge.ports.broker.BracketOrder(p.proposalId(),
                "AAPL", p.direction(), p.quantity(), p.entryPrice(), p.stopPrice(), p.targetPrice())));
        Proposal after = assertInstanceOf(ActionResult.Done.class, h.desk.approve(p.proposalId(),
                Modification.none())).proposal();
        assertStatus("executing", after);
        assertEquals(OrderRecord.State.ACCEPTED, order(p).state());
        assertEquals(1, h.broker.submitCalls().size());
    }

    @Test
    void eventsForRefsTheDeskNeverSentAreIgnored() {
        h.start();
        h.broker.emit(new OrderEvent.Rejected("manual-1", OrderLeg.ENTRY, "9", "whatever", Harness.T0));
        h.awaitEvents();
        assertEquals(List.of(), h.desk.orders(10));
    }
}
