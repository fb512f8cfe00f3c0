package tech.brokerbridge.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tech.brokerbridge.core.internal.Harness.assertStatus;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ports.broker.AccountKind;
import tech.brokerbridge.ports.broker.TradingAccount;
import tech.brokerbridge.ports.desk.ActionResult;
import tech.brokerbridge.ports.desk.Health;
import tech.brokerbridge.ports.desk.Modification;
import tech.brokerbridge.ports.desk.ScanReport;
import tech.brokerbridge.ports.journal.DecisionRecord;
import tech.brokerbridge.ports.journal.Proposal;
import tech.brokerbridge.ports.market.MarketDataException;
import tech.brokerbridge.ports.market.MarketSession;
import tech.brokerbridge.ports.market.PriceSource;
import tech.brokerbridge.ports.market.Quote;

/**
 * Issue 13 and 10.4/10.5 at the desk: the account interlock, the price bounds of every price sent, the
 * price source and delayed data on proposals and in health, and entries approved outside the session.
 */
class AccountAndPricesDeskTest {
    final Harness h = new Harness();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void aLiveAccountInPaperModeIsRefusedWith409AndNothingIsSent() {
        h.start();
        Proposal p = h.propose("AAPL");
        h.broker.tradingAccount(new TradingAccount.Selected("U1****890", AccountKind.LIVE, Optional.empty()));
        ActionResult.Conflict c = refusedApproval(ActionResult.Conflict.class, p);
        assertEquals("account_mode_mismatch", c.code());
        assertStatus("pending", h.reload(p));
        Health.AccountStatus a = h.desk.health().account();
        assertEquals("live", a.mode());
        assertEquals("paper", a.tradingMode());
        assertEquals(false, a.tradable());
        assertEquals(c.reason(), a.reason());
    }

    @Test
    void withNoAccountSelectedApprovalsAreRefused() {
        h.start();
        Proposal p = h.propose("AAPL");
        h.broker.tradingAccount(new TradingAccount.Unselected("2 accounts (DU****567, DU****568) and no choice"));
        ActionResult.Conflict c = refusedApproval(ActionResult.Conflict.class, p);
        assertEquals("account_not_selected", c.code());
        assertTrue(c.reason().contains("DU****567, DU****568"), c.reason());
    }

    @Test
    void everyModifiedPriceAndQuantityIsBoundedAnd422NamesTheField() {
        h.start();
        Proposal p = h.propose("AAPL");
        record Case(Modification mod, String field, String says) {
        }
        for (Case c : List.of(
                new Case(ApprovalTest.mod(null, null, 1e308), "target_price", "more than 25% away"),
                new Case(ApprovalTest.mod(null, 0.01, null), "stop_price", "more than 25% away"),
                new Case(ApprovalTest.mod(null, 98.005, null), "stop_price", "not a multiple of AAPL's tick 0.01"),
                new Case(ApprovalTest.mod(null, Double.NaN, null), "stop_price", "positive price"),
                new Case(ApprovalTest.mod(null, null, Double.POSITIVE_INFINITY), "target_price", "positive price"),
                new Case(ApprovalTest.mod(null, -98.0, null), "stop_price", "positive price"),
                new Case(ApprovalTest.mod(0L, null, null), "quantity", "positive whole number"),
                new Case(ApprovalTest.mod(Long.MAX_VALUE, null, null), "quantity", "buying power"))) {
            ActionResult.Invalid invalid = assertInstanceOf(ActionResult.Invalid.class,
                    h.desk.approve(p.proposalId(), c.mod()), c.toString());
            assertEquals(c.field(), invalid.field(), c.toString());
            assertTrue(invalid.reason().contains(c.says()), invalid.reason());
        }
        assertEquals(List.of(), h.broker.submitCalls(), "no absurd price or quantity reaches the broker");
        assertStatus("pending", h.reload(p));
        Proposal done = assertInstanceOf(ActionResult.Done.class,
                h.desk.approve(p.proposalId(), ApprovalTest.mod(null, 98.01, 104.5))).proposal();
        assertEquals(98.01, h.broker.submitCalls().get(0).stopLoss(), "a sane modification is sent as typed");
        assertStatus("executing", done);
    }

    @Test
    void theEntryIsCheckedAgainstTheLastPriceAtApprovalToo() {
        h.start();
        Proposal p = h.propose("AAPL");
        h.market.quote("AAPL", 140.0, Quote.Freshness.REALTIME); // the market ran away since the proposal
        ActionResult.Invalid invalid = refusedApproval(ActionResult.Invalid.class, p);
        assertEquals("entry_price", invalid.field());
        assertTrue(invalid.reason().contains("the last price 140 (fake)"), invalid.reason());
    }

    @Test
    void computedPricesAreRoundedToTheTick() {
        h.start();
        h.signals.script("AAPL", Harness.setup("AAPL", "breakout", tech.brokerbridge.ports.market.Direction.LONG, 0.8,
                0.7, 100.004, 97.9951, 104.00000000000001));
        ScanReport r = h.desk.scanNow();
        Proposal p = h.desk.proposal(r.decisions().get(0).proposalId().orElseThrow()).orElseThrow();
        assertEquals(List.of(100.0, 98.0, 104.0), List.of(p.entryPrice(), p.stopPrice(), p.targetPrice()));
    }

    @Test
    void theSourceIsNamedInHealthTheScanAndTheProposal() {
        h.market.source(new PriceSource("simulated", true, "simulated prices (not real quotes)"));
        h.start();
        assertEquals("simulated", h.desk.health().marketData().source().name());
        assertTrue(h.desk.health().marketData().source().simulated());
        h.signals.script("AAPL", Harness.longSetup("AAPL"));
        ScanReport r = h.desk.scanNow();
        assertEquals("simulated", r.marketData().name());
        Proposal p = h.desk.proposal(r.decisions().get(0).proposalId().orElseThrow()).orElseThrow();
        assertEquals("simulated", p.pricing().source());
        assertTrue(p.pricing().simulated());
        assertEquals(Optional.of(Quote.Freshness.REALTIME), p.pricing().freshness());
    }

    @Test
    void aDelayedPriceIsUsedAndSaidSoOnTheProposalAndInHealth() {
        h.start();
        h.market.quote("AAPL", 100.2, Quote.Freshness.DELAYED);
        Proposal p = h.propose("AAPL");
        assertTrue(p.pricing().delayed());
        assertEquals(100.2, p.pricing().lastPrice().orElseThrow());
        assertTrue(p.history().get(0).reason().contains("the last price 100.2 (fake, delayed)"),
                p.history().get(0).reason());
        assertEquals(List.of("AAPL"), h.desk.health().marketData().delayed());
        h.market.quote("AAPL", 100.3, Quote.Freshness.REALTIME);
        h.desk.approve(p.proposalId(), Modification.none());
        assertEquals(List.of(), h.desk.health().marketData().delayed(), "live again");
    }

    @Test
    void withoutAnyPriceTheDecisionNamesTheDataProblemAndHealthToo() {
        h.start();
        h.signals.script("AAPL", Harness.longSetup("AAPL"));
        h.market.failQuote("AAPL", new MarketDataException(MarketDataException.Problem.DELAYED_DATA_NOT_SUBSCRIBED,
                "no live or delayed data for AAPL (IB 10168)", null));
        DecisionRecord d = h.desk.scanNow().decisions().get(0);
        assertEquals("delayed_data_not_subscribed", d.outcome());
        assertEquals(0, h.advisor.requests().size(), "no AI call without a price");
        assertEquals(List.of("AAPL [delayed_data_not_subscribed]: no live or delayed data for AAPL (IB 10168)"),
                h.desk.health().marketData().problems());
    }

    @Test
    void anEntryApprovedOutsideTheSessionWaitsForTheOpen() {
        h.start();
        Proposal p = h.propose("AAPL");
        h.market.session(new MarketSession.Closed(Instant.parse("2026-01-06T14:30:00Z")));
        Proposal after = assertInstanceOf(ActionResult.Done.class,
                h.desk.approve(p.proposalId(), Modification.none())).proposal();
        assertStatus("executing", after);
        String reason = after.history().get(after.history().size() - 1).reason();
        assertTrue(reason.contains("waiting for the market to open (regular session opens 2026-01-06T14:30:00Z)"),
                reason);
        assertEquals(1, h.broker.submitCalls().size(), "sent at once: the broker holds it for the open");
    }

    /** Approves {@code p} unchanged, expecting a {@code type} answer and nothing sent to the broker. */
    private <T extends ActionResult> T refusedApproval(Class<T> type, Proposal p) {
        T answer = assertInstanceOf(type, h.desk.approve(p.proposalId(), Modification.none()));
        assertEquals(List.of(), h.broker.submitCalls(), "nothing reaches the broker");
        return answer;
    }
}
