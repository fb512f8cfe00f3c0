package tech.brokerbridge.ports.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tech.brokerbridge.ports.tck.JournalSamples.T0;
import static tech.brokerbridge.ports.tck.JournalSamples.approval;
import static tech.brokerbridge.ports.tck.JournalSamples.proposal;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ports.market.Direction;
import tech.brokerbridge.ports.tck.ProposalLogContract;

/** The journal's records refuse what cannot belong together, whatever journal they are given to. */
class DeskRecordsTest {
    @Test
    void anApprovedTradeHoldsOneExecutingProposalItsApprovalAndItsIntent() {
        ApprovedTrade good = ProposalLogContract.approvedTrade(proposal(1, T0, ProposalStatus.PENDING));
        Proposal approvedOnly = good.proposal().withStatus(ProposalStatus.APPROVED, T0, "back?");
        assertThrows(IllegalArgumentException.class,
                () -> new ApprovedTrade(approvedOnly, good.approval(), good.intent()));
        Proposal other = proposal(2, T0, ProposalStatus.PENDING);
        assertThrows(IllegalArgumentException.class, () -> new ApprovedTrade(good.proposal(),
                approval(other, ApprovalRecord.Action.APPROVE, T0), good.intent()));
        assertThrows(IllegalArgumentException.class, () -> new ApprovedTrade(good.proposal(),
                approval(good.proposal(), ApprovalRecord.Action.REJECT, T0), good.intent()));
        OrderRecord accepted = good.intent().with(OrderRecord.State.ACCEPTED, List.of("1"), "working", T0);
        assertThrows(IllegalArgumentException.class,
                () -> new ApprovedTrade(good.proposal(), good.approval(), accepted));
    }

    @Test
    void aCoolDownEndsNoEarlierThanItStartsAndReplacesOnlyItsOwnSetup() {
        assertThrows(IllegalArgumentException.class, () -> new CoolDown("AAPL", Direction.LONG, "breakout",
                CoolDown.Cause.REJECTED, "prp-1", T0, T0.minusNanos(1), 100, 98));
        CoolDown c = new CoolDown("AAPL", Direction.LONG, "breakout", CoolDown.Cause.EXPIRED, "prp-1", T0, T0, 100, 98);
        assertTrue(c.sameSetupAs(new CoolDown("AAPL", Direction.LONG, "breakout", CoolDown.Cause.REJECTED, "prp-2",
                T0, T0.plusSeconds(1), 1, 2)));
        assertFalse(c.sameSetupAs(new CoolDown("AAPL", Direction.SHORT, "breakout", CoolDown.Cause.EXPIRED,
                "prp-1", T0, T0, 100, 98)));
        assertEquals(CoolDown.Cause.EXPIRED, CoolDown.Cause.fromWire("expired"));
    }

    @Test
    void anEngagedKillSwitchSaysWhy() {
        assertThrows(IllegalArgumentException.class,
                () -> new KillSwitchState.Engaged(T0, KillSwitchState.EngagedBy.USER, " "));
        assertEquals(KillSwitchState.EngagedBy.DAILY_LOSS_LIMIT, KillSwitchState.EngagedBy.fromWire("daily_loss_limit"));
    }
}
