package tech.brokerbridge.ports.fakes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.journal.ApprovalRecord;
import tech.brokerbridge.ports.journal.FillRecord;
import tech.brokerbridge.ports.journal.Journal;
import tech.brokerbridge.ports.journal.JournalException;
import tech.brokerbridge.ports.journal.OrderRecord;
import tech.brokerbridge.ports.journal.Proposal;
import tech.brokerbridge.ports.journal.ProposalQuery;
import tech.brokerbridge.ports.journal.ProposalStatus;
import tech.brokerbridge.ports.tck.JournalContract;

class InMemoryJournalContractTest extends JournalContract {
    @Override
    protected Journal newJournal() {
        return new InMemoryJournal();
    }

    private static ApprovalRecord approval(Proposal p, ApprovalRecord.Action action) {
        return new ApprovalRecord(T0, p.proposalId(), p.symbol(), action, p.quantity(), p.stopPrice(),
                p.targetPrice(), OptionalLong.empty(), OptionalDouble.empty(), OptionalDouble.empty(), "");
    }

    @Test
    void logsEveryWriteInOrder() {
        InMemoryJournal fake = new InMemoryJournal();
        Proposal p = proposal(1, T0, ProposalStatus.PENDING);
        fake.recordAiExchange(exchange(T0, "{}", OptionalLong.empty(), OptionalLong.empty()));
        fake.saveProposal(p);
        fake.recordDecision(decision("d-1", T0, true));
        fake.saveProposalWithApproval(p.withStatus(ProposalStatus.REJECTED, T0, "user"),
                approval(p, ApprovalRecord.Action.REJECT));
        OrderRecord order = order(1, T0);
        fake.saveOrder(order);
        fake.saveOrder(order.with(OrderRecord.State.ACCEPTED, List.of("7"), "working", T0));
        FillRecord fill = new FillRecord("exec-1", id(1), OrderLeg.ENTRY, "AAPL", 10, 100.0, T0);
        assertTrue(fake.recordFill(fill));
        assertFalse(fake.recordFill(fill));
        fake.putSetting("kill_switch.engaged", "true");
        fake.findProposal(p.proposalId());
        fake.approvals();

        assertEquals(List.of("ai_exchange", "proposal " + id(1) + " pending", "decision proposed",
                "proposal+approval " + id(1) + " rejected reject", "order " + id(1) + " submitting",
                "order " + id(1) + " accepted", "fill exec-1", "setting kill_switch.engaged"), fake.writes());
    }

    @Test
    void failingWritesThrowChangeNothingAndCanBeStopped() {
        InMemoryJournal fake = new InMemoryJournal();
        Proposal p = proposal(1, T0, ProposalStatus.PENDING);
        fake.saveProposal(p);
        FillRecord known = new FillRecord("exec-1", id(1), OrderLeg.ENTRY, "AAPL", 10, 100.0, T0);
        fake.recordFill(known);
        List<String> before = fake.writes();
        fake.failWrites(true);

        Proposal approved = p.withStatus(ProposalStatus.APPROVED, T0.plusSeconds(1), "user");
        List<Executable> writes = List.of(() -> fake.saveProposal(approved),
                () -> fake.saveProposalWithApproval(approved, approval(p, ApprovalRecord.Action.APPROVE)),
                () -> fake.recordDecision(decision("d-1", T0, true)), () -> fake.saveOrder(order(1, T0)),
                () -> fake.recordFill(new FillRecord("exec-2", id(1), OrderLeg.ENTRY, "AAPL", 1, 1.0, T0)),
                () -> fake.recordAiExchange(exchange(T0, "{}", OptionalLong.empty(), OptionalLong.empty())),
                () -> fake.putSetting("k", "v"));
        for (Executable write : writes) {
            JournalException e = assertThrows(JournalException.class, write);
            assertFalse(e.retryable());
        }
        assertFalse(fake.recordFill(known), "a known execution is no write");
        assertEquals(before, fake.writes());
        assertEquals(Optional.of(p), fake.findProposal(p.proposalId()));
        assertEquals(List.of(), fake.approvals());
        assertEquals(List.of(), fake.decisions(Instant.EPOCH, T0.plusSeconds(60)));
        assertEquals(List.of(), fake.orders(10));
        assertEquals(List.of(known), fake.fills(id(1)));
        assertEquals(List.of(), fake.aiAudit(10));
        assertEquals(Optional.empty(), fake.setting("k"));
        assertEquals(1, fake.proposals(ProposalQuery.all(10)).proposals().size());

        fake.failWrites(false);
        fake.putSetting("k", "v");
        assertEquals(Optional.of("v"), fake.setting("k"));
        assertEquals("setting k", fake.writes().get(fake.writes().size() - 1));
    }
}
