package tech.brokerbridge.ports.fakes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tech.brokerbridge.ports.tck.JournalSamples.T0;
import static tech.brokerbridge.ports.tck.JournalSamples.approval;
import static tech.brokerbridge.ports.tck.JournalSamples.decision;
import static tech.brokerbridge.ports.tck.JournalSamples.exchange;
import static tech.brokerbridge.ports.tck.JournalSamples.id;
import static tech.brokerbridge.ports.tck.JournalSamples.order;
import static tech.brokerbridge.ports.tck.JournalSamples.proposal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.journal.ApprovalRecord;
import tech.brokerbridge.ports.journal.CoolDown;
import tech.brokerbridge.ports.journal.FillRecord;
import tech.brokerbridge.ports.journal.JournalException;
import tech.brokerbridge.ports.journal.KillSwitchState;
import tech.brokerbridge.ports.journal.LicenseRecord;
import tech.brokerbridge.ports.journal.OrderRecord;
import tech.brokerbridge.ports.journal.Proposal;
import tech.brokerbridge.ports.journal.ProposalQuery;
import tech.brokerbridge.ports.journal.ProposalStatus;
import tech.brokerbridge.ports.market.Direction;
import tech.brokerbridge.ports.tck.JournalContract;
import tech.brokerbridge.ports.tck.ProposalLogContract;

/** The fake passes every journal role's contract, and its test helpers do what they say. */
class InMemoryJournalContractTest extends JournalContract<InMemoryJournal> {
    @Override
    protected InMemoryJournal open() {
        return new InMemoryJournal();
    }

    private static final CoolDown COOL_DOWN = new CoolDown("AAPL", Direction.LONG, "breakout", CoolDown.Cause.REJECTED,
            id(1), T0, T0.plus(Duration.ofHours(1)), 100.5, 97.25);

    @Test
    void logsEveryWriteInOrder() {
        InMemoryJournal fake = new InMemoryJournal();
        Proposal p = proposal(1, T0, ProposalStatus.PENDING);
        fake.recordAiExchange(exchange(T0, "{}", OptionalLong.empty(), OptionalLong.empty()));
        fake.saveProposal(p);
        fake.recordDecision(decision("d-1", T0, true));
        fake.saveProposalWithApproval(p.withStatus(ProposalStatus.REJECTED, T0, "user"),
                approval(p, ApprovalRecord.Action.REJECT, T0));
        OrderRecord order = order(1, T0);
        fake.saveOrder(order);
        fake.saveOrder(order.with(OrderRecord.State.ACCEPTED, List.of("7"), "working", T0));
        FillRecord fill = new FillRecord("exec-1", id(1), OrderLeg.ENTRY, "AAPL", 10, 100.0, T0);
        assertTrue(fake.recordFill(fill));
        assertFalse(fake.recordFill(fill));
        fake.saveKillSwitch(new KillSwitchState.Engaged(T0, KillSwitchState.EngagedBy.USER, "stop"));
        fake.saveKillSwitch(new KillSwitchState.Released(T0));
        fake.saveLicense(LicenseRecord.firstStartedAt(T0));
        fake.startCoolDown(COOL_DOWN);
        fake.saveApprovedTrade(ProposalLogContract.approvedTrade(proposal(2, T0, ProposalStatus.PENDING)));
        fake.findProposal(p.proposalId());
        fake.approvals();

        assertEquals(List.of("ai_exchange", "proposal " + id(1) + " pending", "decision proposed",
                "proposal+approval " + id(1) + " rejected reject", "order " + id(1) + " submitting",
                "order " + id(1) + " accepted", "fill exec-1", "kill_switch engaged", "kill_switch released", "license",
                "cool_down AAPL long breakout rejected", "approved_trade " + id(2)), fake.writes());
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
        KillSwitchState engaged = new KillSwitchState.Engaged(T0, KillSwitchState.EngagedBy.USER, "stop");
        List<Executable> writes = List.of(() -> fake.saveProposal(approved),
                () -> fake.saveProposalWithApproval(approved, approval(p, ApprovalRecord.Action.APPROVE, T0)),
                () -> fake.saveApprovedTrade(ProposalLogContract.approvedTrade(p)),
                () -> fake.recordDecision(decision("d-1", T0, true)), () -> fake.saveOrder(order(1, T0)),
                () -> fake.recordFill(new FillRecord("exec-2", id(1), OrderLeg.ENTRY, "AAPL", 1, 1.0, T0)),
                () -> fake.recordAiExchange(exchange(T0, "{}", OptionalLong.empty(), OptionalLong.empty())),
                () -> fake.saveKillSwitch(engaged), () -> fake.saveLicense(LicenseRecord.firstStartedAt(T0)),
                () -> fake.startCoolDown(COOL_DOWN));
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
        assertEquals(Optional.empty(), fake.killSwitch());
        assertEquals(Optional.empty(), fake.license());
        assertEquals(List.of(), fake.activeCoolDowns(T0));
        assertEquals(1, fake.proposals(ProposalQuery.all(10)).proposals().size());

        fake.failWrites(false);
        fake.saveKillSwitch(engaged);
        assertEquals(Optional.of(engaged), fake.killSwitch());
        assertEquals("kill_switch engaged", fake.writes().get(fake.writes().size() - 1));
    }
}
