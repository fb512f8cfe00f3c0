package tech.brokerbridge.core.internal.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.core.internal.events.EventHub;
import tech.brokerbridge.core.internal.events.PublishingProposalLog;
import tech.brokerbridge.ports.broker.Broker;
import tech.brokerbridge.core.DeskConfig;
import tech.brokerbridge.core.internal.account.AccountInterlock;
import tech.brokerbridge.core.internal.proposals.CoolDowns;
import tech.brokerbridge.core.internal.proposals.ProposalBook;
import tech.brokerbridge.core.internal.proposals.ProposalLocks;
import tech.brokerbridge.core.internal.risk.KillSwitch;
import tech.brokerbridge.core.support.MutableClock;
import tech.brokerbridge.ports.broker.AccountKind;
import tech.brokerbridge.ports.broker.TradingAccount;
import tech.brokerbridge.ports.fakes.FakeBroker;
import tech.brokerbridge.ports.fakes.InMemoryJournal;
import tech.brokerbridge.ports.journal.ApprovalRecord;
import tech.brokerbridge.ports.journal.OrderRecord;
import tech.brokerbridge.ports.journal.Proposal;
import tech.brokerbridge.ports.journal.ProposalStatus;
import tech.brokerbridge.ports.journal.StatusChange;
import tech.brokerbridge.ports.license.LicenseState;
import tech.brokerbridge.ports.license.LicenseStatus;
import tech.brokerbridge.ports.market.Direction;

class BracketSubmitterTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T15:00:00Z"));
    final InMemoryJournal journal = new InMemoryJournal();
    final FakeBroker broker = new FakeBroker(clock);
    final ProposalBook book = new ProposalBook(journal, clock, new ProposalLocks(),
            new CoolDowns(journal, clock, Duration.ZERO));
    final KillSwitch killSwitch = new KillSwitch(journal, broker, clock);
    final BracketSubmitter submitter = new BracketSubmitter(broker, journal, journal, book, killSwitch,
            new BrokerReconciler(broker, journal, journal, book, clock),
            new AccountInterlock(broker, () -> EVALUATION, DeskConfig.TradingMode.PAPER), clock);
    static final LicenseState EVALUATION = new LicenseState(LicenseStatus.EVALUATION, "evaluation", false,
            Optional.empty(), Optional.empty(), Optional.empty(), "inst");

    ApprovalRecord approval(Proposal p) {
        return new ApprovalRecord(clock.instant(), p.proposalId(), p.symbol(), ApprovalRecord.Action.APPROVE,
                p.quantity(), p.stopPrice(), p.targetPrice(), OptionalLong.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), "");
    }

    Proposal approved() {
        Instant t = clock.instant();
        Proposal p = new Proposal("prp-00000000abcd", "AAPL", Direction.LONG, "breakout", 0.8, 0.7, 100, 98, 104, 10,
                "t", List.of(), t, t.plusSeconds(1800), ProposalStatus.APPROVED,
                List.of(new StatusChange(t, Optional.empty(), ProposalStatus.APPROVED, "x")));
        journal.saveProposal(p);
        return p;
    }

    @Test
    void aKillSwitchEngagedAfterPreparationStopsTheSubmission() {
        Proposal p = approved();
        Proposal executing = submitter.prepare(p, approval(p));
        killSwitch.engage(false, "now");
        Proposal after = submitter.submit(executing);
        assertEquals(ProposalStatus.FAILED, after.status());
        assertEquals("not submitted: kill switch engaged: now", after.history().get(after.history().size() - 1)
                .reason());
        assertEquals(OrderRecord.State.FAILED, journal.findOrder(executing.proposalId()).orElseThrow().state());
        assertEquals(0, broker.submitCalls().size());
    }

    @Test
    void theApprovalTheExecutingStatusAndTheOrderIntentAreOneWriteAndOnlyOne() {
        Proposal p = approved();
        Proposal executing = submitter.prepare(p, approval(p));
        assertEquals(ProposalStatus.EXECUTING, executing.status());
        assertEquals(List.of("proposal prp-00000000abcd approved", "approved_trade prp-00000000abcd"),
                journal.writes());
        assertEquals(OrderRecord.State.SUBMITTING, journal.findOrder(p.proposalId()).orElseThrow().state());
        assertEquals(1, journal.approvals().size());
        assertThrows(IllegalStateException.class, () -> submitter.prepare(p, approval(p)));
        assertThrows(IllegalStateException.class, () -> submitter.prepare(executing, approval(p)));
        assertTrue(broker.submitCalls().isEmpty());
    }

    @Test
    void theBrokersAcceptanceIsSavedAsOrderProgress() {
        Proposal p = approved();
        Proposal after = submitter.submit(submitter.prepare(p, approval(p)));
        assertEquals(ProposalStatus.EXECUTING, after.status());
        assertTrue(journal.writes().contains("order_progress prp-00000000abcd accepted"), journal.writes().toString());
        OrderRecord order = journal.findOrder(p.proposalId()).orElseThrow();
        assertEquals(OrderRecord.State.ACCEPTED, order.state());
        assertEquals(3, order.brokerOrderIds().size());
    }

    @Test
    void aReconnectToALiveAccountAfterPreparationStopsTheSubmission() {
        Proposal p = approved();
        Proposal executing = submitter.prepare(p, approval(p));
        broker.tradingAccount(new TradingAccount.Selected("U1****890", AccountKind.LIVE, Optional.empty()));
        Proposal after = submitter.submit(executing);
        assertEquals(ProposalStatus.FAILED, after.status());
        assertTrue(after.history().get(after.history().size() - 1).reason()
                .startsWith("not submitted: trading_mode is paper but U1****890 is a live"), after.history().toString());
        assertEquals(0, broker.submitCalls().size(), "nothing was sent");
        assertEquals(OrderRecord.State.FAILED, journal.findOrder(executing.proposalId()).orElseThrow().state());
    }

    /**
     * A submitter on the desk's publishing log, with a broker that, when {@code saveDuringSubmit}, saves the
     * proposal moved to executed on the submitting thread (as a listener called back synchronously could).
     */
    BracketSubmitter viaPublishingLog(boolean saveDuringSubmit) {
        PublishingProposalLog proposals = new PublishingProposalLog(journal, new EventHub(clock));
        ProposalBook publishingBook = new ProposalBook(proposals, clock, new ProposalLocks(),
                new CoolDowns(journal, clock, Duration.ZERO));
        Broker saving = (Broker) java.lang.reflect.Proxy.newProxyInstance(Broker.class.getClassLoader(),
                new Class<?>[] {Broker.class}, (proxy, m, args) -> {
                    Object r;
                    try {
                        r = m.invoke(broker, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (m.getName().equals("submitBracket") && saveDuringSubmit) {
                        Proposal now = journal.findProposal("prp-00000000abcd").orElseThrow();
                        proposals.saveProposal(now.withStatus(ProposalStatus.EXECUTED, clock.instant(), "entry filled at once"));
                    }
                    return r;
                });
        return new BracketSubmitter(saving, journal, proposals, publishingBook, killSwitch,
                new BrokerReconciler(saving, journal, proposals, publishingBook, clock),
                new AccountInterlock(saving, () -> EVALUATION, DeskConfig.TradingMode.PAPER), clock);
    }

    @Test
    void afterAnAcceptanceTheProposalIsReturnedAsSavedWhenNothingSavedItSince() {
        BracketSubmitter viaLog = viaPublishingLog(false);
        Proposal p = approved();
        Proposal after = viaLog.submit(viaLog.prepare(p, approval(p)));
        assertEquals(ProposalStatus.EXECUTING, after.status());
        assertEquals(journal.findProposal(p.proposalId()).orElseThrow(), after);
    }

    @Test
    void afterAnAcceptanceTheProposalIsReadAgainWhenItWasSavedDuringTheCall() {
        BracketSubmitter viaLog = viaPublishingLog(true);
        Proposal p = approved();
        Proposal after = viaLog.submit(viaLog.prepare(p, approval(p)));
        assertEquals(ProposalStatus.EXECUTED, after.status(), after.history().toString());
        assertEquals(journal.findProposal(p.proposalId()).orElseThrow(), after);
    }
}
