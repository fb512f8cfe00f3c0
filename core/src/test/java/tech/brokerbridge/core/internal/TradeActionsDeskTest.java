package tech.brokerbridge.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ports.broker.AccountKind;
import tech.brokerbridge.ports.broker.CloseOrder;
import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.broker.OrderState;
import tech.brokerbridge.ports.broker.OrderView;
import tech.brokerbridge.ports.broker.TradingAccount;
import tech.brokerbridge.ports.broker.TrailingStop;
import tech.brokerbridge.ports.desk.ActionOptions;
import tech.brokerbridge.ports.desk.BracketView;
import tech.brokerbridge.ports.desk.CloseRequest;
import tech.brokerbridge.ports.desk.KillSwitchOutcome;
import tech.brokerbridge.ports.desk.KillSwitchRequest;
import tech.brokerbridge.ports.desk.Modification;
import tech.brokerbridge.ports.desk.ModifyRequest;
import tech.brokerbridge.ports.desk.PositionView;
import tech.brokerbridge.ports.desk.TradeActionResult;
import tech.brokerbridge.ports.desk.TradeSummary;
import tech.brokerbridge.ports.journal.ApprovalRecord;
import tech.brokerbridge.ports.journal.ClosedTrade;
import tech.brokerbridge.ports.journal.GateResult;
import tech.brokerbridge.ports.journal.OrderRecord;
import tech.brokerbridge.ports.journal.Proposal;
import tech.brokerbridge.ports.journal.TradeAction;

/**
 * Looking after open trades on the desk with the fake broker: close (whole, part, concurrent,
 * retried), cancel, modify (breakeven, checks, kill switch), flatten, an unprotected position found
 * and re-armed, closed trades with their P&amp;L and the summary, and an action whose answer was
 * lost, reconciled after a restart.
 */
class TradeActionsDeskTest {
    final Harness h = new Harness();

    @AfterEach
    void close() {
        h.close();
    }

    /** AAPL long of 50 shares filled at 100, stop 98, target 104. */
    private Proposal filledLong() {
        h.start();
        Proposal p = h.propose("AAPL");
        h.desk.approve(p.proposalId(), Modification.none());
        return h.entryFilled(p);
    }

    /** {@link #filledLong()} traded up to 101, then its stop cancelled at the broker (in TWS): unprotected. */
    private Proposal filledLongWithItsStopCancelledAtTheBroker() {
        Proposal p = filledLong();
        h.broker.tradeAt("AAPL", 101);
        h.broker.cancelAtBroker(p.proposalId(), OrderLeg.STOP_LOSS);
        h.awaitEvents();
        return p;
    }

    private static TradeAction done(TradeActionResult r) {
        return assertInstanceOf(TradeActionResult.Done.class, r, () -> r.toString()).action();
    }

    private static CloseRequest close(long quantity, Optional<String> key) {
        return new CloseRequest(OptionalLong.of(quantity), OptionalDouble.empty(),
                new ActionOptions(Optional.of("taking profit"), key));
    }

    private static ModifyRequest stop(double price) {
        return new ModifyRequest(OptionalDouble.of(price), OptionalDouble.empty(), false, OptionalDouble.empty(),
                ActionOptions.none());
    }

    @Test
    void closingTheWholePositionCancelsItsLegsAndRecordsTheClosedTrade() {
        Proposal p = filledLong();
        h.broker.chargeCommission(1.0);
        h.broker.tradeAt("AAPL", 102);
        TradeAction a = done(h.desk.closePosition("AAPL", CloseRequest.all(Optional.of("done for the day"))));
        h.awaitEvents();
        assertEquals(TradeAction.State.DONE, h.journal.findAction(a.actionId()).orElseThrow().state());
        assertTrue(h.broker.positions().isEmpty(), "flat");
        assertTrue(h.broker.openOrders().isEmpty(), "no orphan leg");
        assertEquals(OrderRecord.State.CLOSED, h.journal.findOrder(p.proposalId()).orElseThrow().state());
        ClosedTrade t = h.journal.findClosedTrade(p.proposalId()).orElseThrow();
        assertEquals(ClosedTrade.ExitReason.CLOSE, t.exitReason());
        assertEquals(50, t.quantity());
        assertEquals(100.0, t.entryPrice(), 1e-9);
        assertEquals(102.0, t.exitPrice(), 1e-9);
        assertEquals(100.0, t.grossPnl(), 1e-9);
        assertEquals(1.0, t.commissions(), 1e-9, "the close's commission (the entry filled before it was charged)");
        assertEquals(99.0 / 100.0, t.rMultiple().orElseThrow(), 1e-9, "risk 50 × (100 − 98)");
        assertEquals("breakout", t.setupType());
        assertEquals(h.advisor.provider(), t.advisor());
        ApprovalRecord line = h.journal.approvals().get(h.journal.approvals().size() - 1);
        assertEquals(ApprovalRecord.Action.CLOSE, line.action());
        assertEquals("done for the day", line.reason());
        assertEquals(OptionalLong.of(0), line.modifiedQuantity(), "nothing left open");
        BracketView view = h.desk.brackets(10).get(0);
        assertEquals(BracketView.State.CLOSED, view.state());
        assertTrue(view.legs().stream().anyMatch(l -> l.leg() == OrderLeg.CLOSE && l.state() == OrderState.FILLED));
    }

    @Test
    void halfThenTheRestClosesOneTradeWithBothExitsAndTheStopCutBetween() {
        Proposal p = filledLong();
        h.broker.tradeAt("AAPL", 101);
        done(h.desk.closePosition("AAPL", close(25, Optional.empty())));
        h.awaitEvents();
        assertEquals(25, h.broker.ordersByRef(p.proposalId()).get(1).quantity(), "the stop protects the 25 left");
        assertEquals(OrderRecord.State.ENTRY_FILLED, h.journal.findOrder(p.proposalId()).orElseThrow().state());
        assertTrue(h.journal.findClosedTrade(p.proposalId()).isEmpty(), "half is still open");
        h.broker.tradeAt("AAPL", 103);
        done(h.desk.closePosition("AAPL", CloseRequest.all(Optional.empty())));
        h.awaitEvents();
        ClosedTrade t = h.journal.findClosedTrade(p.proposalId()).orElseThrow();
        assertEquals(102.0, t.exitPrice(), 1e-9, "the average of 101 and 103");
        assertEquals(100.0, t.grossPnl(), 1e-9);
        assertTrue(h.broker.openOrders().isEmpty());
    }

    @Test
    void twoConcurrentClosesGiveOneClose() throws Exception {
        filledLong();
        CountDownLatch inBroker = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        h.broker.onAction(() -> {
            inBroker.countDown();
            await(release);
        });
        CompletableFuture<TradeActionResult> first = CompletableFuture.supplyAsync(
                () -> h.desk.closePosition("AAPL", CloseRequest.all(Optional.empty())));
        assertTrue(inBroker.await(5, TimeUnit.SECONDS));
        CompletableFuture<TradeActionResult> second = CompletableFuture.supplyAsync(
                () -> h.desk.closePosition("AAPL", CloseRequest.all(Optional.empty())));
        release.countDown();
        TradeAction a = done(first.get(5, TimeUnit.SECONDS));
        TradeActionResult.Done b = assertInstanceOf(TradeActionResult.Done.class, second.get(5, TimeUnit.SECONDS));
        assertEquals(a.actionId(), b.action().actionId(), "the second answers the first close");
        assertTrue(b.replayed());
        assertEquals(1, h.broker.actionCalls().stream().filter(CloseOrder.class::isInstance).count(), "one close sent");
    }

    @Test
    void aRetryWithTheSameKeySendsNothingAndTheKeyBelongsToItsRequest() {
        filledLong();
        TradeAction a = done(h.desk.closePosition("AAPL", close(10, Optional.of("key-1"))));
        TradeActionResult.Done again = assertInstanceOf(TradeActionResult.Done.class,
                h.desk.closePosition("AAPL", close(10, Optional.of("key-1"))));
        assertTrue(again.replayed());
        assertEquals(a.actionId(), again.action().actionId());
        assertEquals(40, h.broker.positions().get(0).quantity(), "10 closed, once");
        TradeActionResult.Conflict c = assertInstanceOf(TradeActionResult.Conflict.class,
                h.desk.rearmStop("AAPL", new ActionOptions(Optional.empty(), Optional.of("key-1"))));
        assertTrue(c.reason().contains("idempotency key was used for another request"), c.reason());
        assertEquals(1, h.broker.actionCalls().size());
    }

    @Test
    void theStopMovesToBreakevenAndTheJournalSaysSo() {
        Proposal p = filledLong();
        h.broker.tradeAt("AAPL", 102);
        TradeAction a = done(h.desk.modifyOrder(p.proposalId(), new ModifyRequest(OptionalDouble.empty(),
                OptionalDouble.empty(), true, OptionalDouble.empty(), ActionOptions.none())));
        assertEquals(TradeAction.State.DONE, a.state());
        assertEquals(100.0, h.broker.ordersByRef(p.proposalId()).get(1).limitOrStopPrice(), 1e-9);
        assertEquals(100.0, h.journal.findOrder(p.proposalId()).orElseThrow().stopPrice(), 1e-9);
        ApprovalRecord line = h.journal.approvals().get(h.journal.approvals().size() - 1);
        assertEquals(ApprovalRecord.Action.MODIFY_STOP, line.action());
        assertEquals(98.0, line.originalStop(), 1e-9);
        assertEquals(OptionalDouble.of(100.0), line.modifiedStop());
        assertEquals("stop to breakeven", line.reason());
    }

    @Test
    void theStopBecomesATrailingStopByAPercentOrAnAmountAndNeverLoosens() {
        Proposal p = filledLong();
        h.broker.tradeAt("AAPL", 102);
        done(h.desk.modifyOrder(p.proposalId(), new ModifyRequest(OptionalDouble.empty(), OptionalDouble.empty(),
                false, OptionalDouble.empty(), OptionalDouble.of(1.5), ActionOptions.none())));
        OrderView trail = h.broker.ordersByRef(p.proposalId()).get(1);
        assertEquals(Optional.of(TrailingStop.amount(1.5)), trail.trailing());
        assertEquals(100.5, trail.limitOrStopPrice(), 1e-9, "1.5 under the last price");
        assertEquals(100.5, h.journal.findOrder(p.proposalId()).orElseThrow().stopPrice(), 1e-9);
        TradeActionResult.Invalid both = assertInstanceOf(TradeActionResult.Invalid.class,
                h.desk.modifyOrder(p.proposalId(), new ModifyRequest(OptionalDouble.empty(), OptionalDouble.empty(),
                        false, OptionalDouble.of(2), OptionalDouble.of(1.5), ActionOptions.none())));
        assertEquals("stop_price", both.field());
        done(h.desk.modifyOrder(p.proposalId(), new ModifyRequest(OptionalDouble.empty(), OptionalDouble.empty(),
                false, OptionalDouble.of(1), ActionOptions.none())));
        assertEquals(Optional.of(TrailingStop.percent(1)), h.broker.ordersByRef(p.proposalId()).get(1).trailing());
        assertEquals(100.98, h.broker.ordersByRef(p.proposalId()).get(1).limitOrStopPrice(), 1e-9);
        h.broker.tradeAt("AAPL", 101.5);
        assertEquals(100.98, h.broker.ordersByRef(p.proposalId()).get(1).limitOrStopPrice(), 1e-9, "never loosens");
    }

    @Test
    void aStopOnTheWrongSideOrPastTheHeatLimitIsRefusedWithTheChecksAndNothingIsSent() {
        Proposal p = filledLong();
        h.broker.tradeAt("AAPL", 101);
        TradeActionResult.GatesFailed wrong = assertInstanceOf(TradeActionResult.GatesFailed.class,
                h.desk.modifyOrder(p.proposalId(), stop(101.5)));
        assertFalse(gate(wrong.gates(), "stop_side").passed());
        h.broker.setAccount(50_000, 0); // heat limit 6 %: 3000 at risk
        TradeActionResult.GatesFailed hot = assertInstanceOf(TradeActionResult.GatesFailed.class,
                h.desk.modifyOrder(p.proposalId(), stop(1.0)));
        assertFalse(gate(hot.gates(), "portfolio_heat").passed(), hot.gates().toString());
        assertTrue(gate(hot.gates(), "stop_side").passed());
        assertTrue(h.broker.actionCalls().isEmpty(), "nothing sent");
        assertEquals(98.0, h.broker.ordersByRef(p.proposalId()).get(1).limitOrStopPrice(), 1e-9);
    }

    @Test
    void whileTheKillSwitchIsEngagedAStopMayTightenButNotWidenAndAPositionMayClose() {
        Proposal p = filledLong();
        h.broker.tradeAt("AAPL", 101);
        h.desk.engageKillSwitch(false, "shock");
        TradeActionResult.Conflict c = assertInstanceOf(TradeActionResult.Conflict.class,
                h.desk.modifyOrder(p.proposalId(), stop(97.0)));
        assertTrue(c.reason().contains("kill switch engaged") && c.reason().contains("widening"), c.reason());
        done(h.desk.modifyOrder(p.proposalId(), stop(99.0)));
        done(h.desk.closePosition("AAPL", CloseRequest.all(Optional.empty())));
        h.awaitEvents();
        assertTrue(h.broker.positions().isEmpty());
    }

    @Test
    void anUnfilledBracketIsCancelledAndAFilledOneIsClosedInstead() {
        h.start();
        Proposal p = h.propose("AAPL");
        h.desk.approve(p.proposalId(), Modification.none());
        done(h.desk.cancelOrder(p.proposalId(), ActionOptions.none()));
        h.awaitEvents();
        assertTrue(h.broker.openOrders().isEmpty());
        assertEquals("failed", h.reload(p).status().wire());
        TradeActionResult.Done again = assertInstanceOf(TradeActionResult.Done.class,
                h.desk.cancelOrder(p.proposalId(), ActionOptions.none()));
        assertTrue(again.replayed(), "already cancelled: the first cancel's answer");

        Proposal q = h.propose("MSFT");
        h.desk.approve(q.proposalId(), Modification.none());
        h.broker.fillEntry(q.proposalId(), 100);
        h.awaitEvents();
        TradeActionResult.Conflict c = assertInstanceOf(TradeActionResult.Conflict.class,
                h.desk.cancelOrder(q.proposalId(), ActionOptions.none()));
        assertTrue(c.reason().contains("close the position instead"), c.reason());
        assertEquals(OrderState.WORKING, h.broker.ordersByRef(q.proposalId()).get(1).state(), "its stop stays");
    }

    @Test
    void flattenClosesEveryPositionAndTheTradesSaySo() {
        Proposal p = filledLong();
        KillSwitchOutcome out = h.desk.engageKillSwitch(new KillSwitchRequest(false, true, "flatten all"));
        h.awaitEvents();
        assertEquals(1, out.flattened().size());
        assertTrue(out.problems().isEmpty(), out.problems().toString());
        assertTrue(h.broker.positions().isEmpty());
        assertTrue(h.broker.openOrders().isEmpty());
        assertEquals(ClosedTrade.ExitReason.FLATTEN, h.journal.findClosedTrade(p.proposalId()).orElseThrow()
                .exitReason());
        assertTrue(h.desk.health().killSwitchEngaged());
    }

    @Test
    void onAnAccountTheTradingModeDoesNotAllowNoActionNorFlattenSendsAnything() {
        Proposal p = filledLong();
        h.broker.tradingAccount(new TradingAccount.Selected("U****123", AccountKind.LIVE, Optional.empty()));
        TradeActionResult.Conflict c = assertInstanceOf(TradeActionResult.Conflict.class,
                h.desk.closePosition("AAPL", CloseRequest.all(Optional.empty())));
        assertTrue(c.reason().contains("live (real-money) account"), c.reason());
        assertInstanceOf(TradeActionResult.Conflict.class, h.desk.modifyOrder(p.proposalId(), stop(99.0)));
        assertInstanceOf(TradeActionResult.Conflict.class, h.desk.cancelOrder(p.proposalId(), ActionOptions.none()));
        assertInstanceOf(TradeActionResult.Conflict.class, h.desk.rearmStop("AAPL", ActionOptions.none()));
        KillSwitchOutcome out = h.desk.engageKillSwitch(new KillSwitchRequest(false, true, "flatten all"));
        assertTrue(out.flattened().isEmpty());
        assertTrue(out.problems().stream().anyMatch(x -> x.contains("no position was closed")), out.problems().toString());
        assertTrue(h.desk.health().killSwitchEngaged(), "the switch itself still engages");
        assertTrue(h.broker.actionCalls().isEmpty(), "nothing sent: " + h.broker.actionCalls());
        assertEquals(50, h.broker.positions().get(0).quantity());
    }

    @Test
    void aStopCancelledAtTheBrokerMakesThePositionUnprotectedUntilTheUserReArmsIt() {
        Proposal p = filledLongWithItsStopCancelledAtTheBroker();
        assertEquals(OrderRecord.State.UNPROTECTED, h.journal.findOrder(p.proposalId()).orElseThrow().state());
        assertTrue(h.desk.health().warnings().stream().anyMatch(w -> w.startsWith("unprotected position: AAPL 50")),
                h.desk.health().warnings().toString());
        PositionView v = h.desk.positions().get(0);
        assertEquals(PositionView.Protection.UNPROTECTED, v.protection());
        assertEquals(50, v.unprotectedQuantity());
        assertEquals(BracketView.State.UNPROTECTED, h.desk.brackets(10).get(0).state());
        assertTrue(h.broker.actionCalls().isEmpty(), "the desk never re-arms by itself");

        TradeAction a = done(h.desk.rearmStop("AAPL", ActionOptions.none()));
        h.awaitEvents();
        assertEquals(TradeAction.State.DONE, a.state());
        OrderView stop = h.broker.ordersByRef(a.placedRef().orElseThrow()).get(0);
        assertEquals(98.0, stop.limitOrStopPrice(), 1e-9, "at the bracket's stop level");
        assertEquals(50, stop.quantity());
        assertEquals(PositionView.Protection.PROTECTED, h.desk.positions().get(0).protection());
        assertEquals(OrderRecord.State.ENTRY_FILLED, h.journal.findOrder(p.proposalId()).orElseThrow().state());
        assertTrue(h.desk.health().warnings().isEmpty());

        TradeActionResult.Conflict part = assertInstanceOf(TradeActionResult.Conflict.class,
                h.desk.closePosition("AAPL", close(10, Optional.empty())));
        assertTrue(part.reason().contains("re-armed stop"), part.reason());
        h.broker.tradeAt("AAPL", 97.5); // the re-armed stop takes the position out
        h.awaitEvents();
        assertEquals(ClosedTrade.ExitReason.STOP, h.journal.findClosedTrade(p.proposalId()).orElseThrow()
                .exitReason());
    }

    @Test
    void aWholeCloseCancelsARearmedStopSoNothingIsLeftWorking() {
        Proposal p = filledLongWithItsStopCancelledAtTheBroker();
        TradeAction rearmed = done(h.desk.rearmStop("AAPL", ActionOptions.none()));
        done(h.desk.closePosition("AAPL", CloseRequest.all(Optional.empty())));
        h.awaitEvents();
        assertTrue(h.broker.positions().isEmpty());
        assertTrue(h.broker.openOrders().isEmpty(), "no orphan stop: " + h.broker.openOrders());
        assertEquals(OrderState.CANCELLED, h.broker.ordersByRef(rearmed.placedRef().orElseThrow()).get(0).state());
        assertEquals(ClosedTrade.ExitReason.CLOSE, h.journal.findClosedTrade(p.proposalId()).orElseThrow()
                .exitReason());
    }

    @Test
    void aCloseWhoseAnswerWasLostIsFoundAfterARestartAndNeverSentAgain() {
        Proposal p = filledLong();
        h.broker.failNextActionAfterSending();
        TradeAction a = done(h.desk.closePosition("AAPL", CloseRequest.all(Optional.empty())));
        assertEquals(TradeAction.State.REQUESTED, a.state(), "the outcome is unknown");
        h.restart();
        h.awaitEvents();
        assertEquals(TradeAction.State.DONE, h.journal.findAction(a.actionId()).orElseThrow().state());
        assertEquals(1, h.broker.actionCalls().size(), "never sent again");
        assertEquals(OrderRecord.State.CLOSED, h.journal.findOrder(p.proposalId()).orElseThrow().state());
        assertTrue(h.journal.findClosedTrade(p.proposalId()).isPresent());
    }

    @Test
    void theSummaryCountsTodayTheWeekAndAllTimeBySetupAndAdvisor() {
        filledLong();
        h.broker.tradeAt("AAPL", 104); // the target: +200
        h.awaitEvents();
        h.clock.advance(Duration.ofDays(1));
        Proposal loser = h.propose("MSFT");
        h.desk.approve(loser.proposalId(), Modification.none());
        h.broker.fillEntry(loser.proposalId(), 100);
        h.broker.tradeAt("MSFT", 97.9); // the stop: −105 at 97.9
        h.awaitEvents();
        TradeSummary s = h.desk.tradeSummary();
        assertEquals(2, s.allTime().trades());
        assertEquals(1, s.today().trades());
        assertEquals(0.5, s.allTime().winRate(), 1e-9);
        assertEquals(200 - 105, s.allTime().realizedPnl(), 1e-9);
        assertEquals(105, s.allTime().maxDrawdown(), 1e-9);
        assertEquals((2.0 + -1.05) / 2, s.allTime().averageR().orElseThrow(), 1e-9);
        assertEquals(List.of("breakout"), List.copyOf(s.bySetup().keySet()));
        assertEquals(2, s.byAdvisor().get(h.advisor.provider()).trades());
        Instant t0 = Harness.T0;
        assertEquals(1, h.desk.closedTrades(t0, t0.plus(Duration.ofHours(12))).size());
    }

    @Test
    void aLossRecordedInTodaysClosedTradesCountsInTheDailyLossGateWhileTheBrokersFigureLags() {
        filledLong();
        Proposal next = h.propose("MSFT");
        h.broker.tradeAt("AAPL", 97.9); // the stop: −105, and the fake broker's daily P&L stays 0
        h.awaitEvents();
        h.broker.setAccount(5_000, 0); // 2 % of 5000 = 100: the recorded −105 is past it
        var refused = assertInstanceOf(tech.brokerbridge.ports.desk.ActionResult.GatesFailed.class,
                h.desk.approve(next.proposalId(), Modification.none()));
        GateResult daily = gate(refused.gates(), "daily_loss");
        assertFalse(daily.passed(), daily.toString());
        assertEquals(-105.0, daily.compared().get("daily_pnl"), 1e-9);
        assertTrue(h.desk.health().killSwitchEngaged(), "reaching the limit engages the kill switch");
    }

    private static GateResult gate(List<GateResult> gates, String name) {
        return gates.stream().filter(g -> g.gate().equals(name)).findFirst().orElseThrow();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
