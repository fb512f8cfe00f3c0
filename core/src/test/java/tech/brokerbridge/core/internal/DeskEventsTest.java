package tech.brokerbridge.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.core.DeskConfig;
import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.desk.ActionResult;
import tech.brokerbridge.ports.desk.Health;
import tech.brokerbridge.ports.desk.Modification;
import tech.brokerbridge.ports.events.DeskEvent;
import tech.brokerbridge.ports.events.EventSubscription;
import tech.brokerbridge.ports.journal.Proposal;
import tech.brokerbridge.ports.journal.ProposalStatus;

/** What the desk publishes, as a subscriber (the dashboard's stream, a notifier) sees it. */
class DeskEventsTest {
    final Harness h = new Harness();
    final List<DeskEvent> seen = new CopyOnWriteArrayList<>();
    EventSubscription subscription;

    @AfterEach
    void close() {
        if (subscription != null) {
            subscription.close();
        }
        h.close();
    }

    private void startAndListen() {
        h.start();
        subscription = h.desk.subscribe(seen::add);
    }

    private <T extends DeskEvent> List<T> seen(Class<T> type) {
        return seen.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
    }

    private <T extends DeskEvent> T awaitOne(Class<T> type, String what) {
        Harness.await(() -> !seen(type).isEmpty(), what);
        return seen(type).get(0);
    }

    @Test
    void aScanIsPublishedAsStartedProgressPerSymbolAndFinishedWithItsProposal() {
        startAndListen();
        Health before = h.desk.health();
        assertEquals(Optional.empty(), before.lastScanAt());
        assertFalse(before.scanInProgress());
        Proposal p = h.propose("AAPL");
        DeskEvent.ScanFinished finished = awaitOne(DeskEvent.ScanFinished.class, "scan.finished");
        DeskEvent.ScanStarted started = seen(DeskEvent.ScanStarted.class).get(0);
        assertEquals(started.scanId(), finished.scanId());
        assertEquals(4, started.symbols());
        List<DeskEvent.ScanProgress> reading = seen(DeskEvent.ScanProgress.class).stream()
                .filter(x -> x.phase().equals("reading")).toList();
        assertEquals(List.of("AAPL", "MSFT", "NVDA", "AMZN"), reading.stream().map(DeskEvent.ScanProgress::symbol).toList());
        assertEquals(List.of(1, 2, 3, 4), reading.stream().map(DeskEvent.ScanProgress::done).toList());
        assertEquals(4, reading.get(3).total());
        assertEquals(1, finished.proposals());
        assertEquals(Optional.empty(), finished.nextScanAt(), "the loop is stopped");
        DeskEvent.ProposalCreated created = seen(DeskEvent.ProposalCreated.class).get(0);
        assertEquals(p.proposalId(), created.proposal().proposalId());
        assertTrue(started.id() < created.id() && created.id() < finished.id(), "in order: " + seen);
        Health after = h.desk.health();
        assertEquals(Optional.of(Harness.T0), after.lastScanAt());
        assertFalse(after.scanInProgress());
    }

    @Test
    void anApprovalIsPublishedStatusByStatusThenTheFillOpensAPositionAndTheTargetClosesIt() {
        startAndListen();
        Proposal p = h.propose("AAPL");
        assertInstanceOf(ActionResult.Done.class, h.desk.approve(p.proposalId(), Modification.none()));
        h.broker.fillEntry(p.proposalId(), 99.95);
        h.awaitEvents();
        DeskEvent.PositionOpened opened = awaitOne(DeskEvent.PositionOpened.class, "position.opened");
        assertEquals("AAPL", opened.symbol());
        assertEquals(p.quantity(), opened.quantity());
        assertEquals(99.95, opened.price());
        List<String> changes = seen(DeskEvent.ProposalStatusChanged.class).stream()
                .map(c -> c.from().wire() + ">" + c.to().wire()).toList();
        assertEquals(List.of("pending>approved", "approved>executing", "executing>executed"), changes);
        assertTrue(seen(DeskEvent.OrderUpdated.class).stream()
                .anyMatch(o -> o.order().state().wire().equals("entry_filled")), "order.updated entry_filled");
        assertEquals(1, seen(DeskEvent.FillReceived.class).size());
        h.broker.fillChild(p.proposalId(), OrderLeg.TAKE_PROFIT);
        h.awaitEvents();
        DeskEvent.PositionClosed closed = awaitOne(DeskEvent.PositionClosed.class, "position.closed");
        assertEquals(p.quantity(), closed.quantity());
        assertTrue(closed.reason().startsWith("take_profit filled at"), closed.reason());
        // delivered on the subscription's own thread: it may follow the position.closed seen above
        Harness.await(() -> seen(DeskEvent.LegUpdated.class).stream().anyMatch(l -> l.leg() == OrderLeg.STOP_LOSS
                && l.state().equals("cancelled")), "the stop's one-cancels-other is published");
        assertTrue(seen(DeskEvent.Warning.class).isEmpty(), "a stop cancelled by the target is no warning");
        long[] ids = seen.stream().mapToLong(DeskEvent::id).toArray();
        for (int i = 1; i < ids.length; i++) {
            assertEquals(ids[i - 1] + 1, ids[i], "no gap");
        }
    }

    @Test
    void aRejectionAndAnExpiryArePublished() {
        startAndListen();
        Proposal p = h.propose("AAPL");
        h.desk.reject(p.proposalId(), Optional.of("too extended"));
        Proposal q = h.propose("MSFT");
        h.clock.advance(h.config.proposalTtl().plusSeconds(1));
        h.desk.proposal(q.proposalId());
        Harness.await(() -> seen(DeskEvent.ProposalStatusChanged.class).size() == 2, "two changes");
        DeskEvent.ProposalStatusChanged rejected = seen(DeskEvent.ProposalStatusChanged.class).get(0);
        assertEquals(ProposalStatus.REJECTED, rejected.to());
        assertEquals("rejected by the user: too extended", rejected.reason());
        assertEquals(ProposalStatus.EXPIRED, seen(DeskEvent.ProposalStatusChanged.class).get(1).to());
    }

    @Test
    void aStopCancelledUnderAnOpenPositionIsAWarning() {
        startAndListen();
        Proposal p = h.propose("AAPL");
        h.desk.approve(p.proposalId(), Modification.none());
        h.broker.fillEntry(p.proposalId(), 100);
        h.awaitEvents();
        // the broker's state says so too: an unprotected position is found from its positions and open orders
        h.broker.cancelAtBroker(p.proposalId(), OrderLeg.STOP_LOSS, "cancelled in TWS");
        h.awaitEvents();
        DeskEvent.Warning w = awaitOne(DeskEvent.Warning.class, "warning");
        assertEquals("unprotected_position", w.code());
        assertEquals(Optional.of("AAPL"), w.symbol());
        assertTrue(w.message().contains("cancelled in TWS"), w.message());
    }

    @Test
    void theKillSwitchTheLoopAndTheBrokerConnectionArePublished() {
        h.config = new DeskConfig(h.config.version(), h.config.watchlist(), Duration.ofMinutes(5),
                h.config.maxAiCandidates(), h.config.weights(), h.config.risk(), h.config.proposalTtl(),
                h.config.barsForAdvisor(), h.config.evaluationPeriod());
        startAndListen();
        assertTrue(h.desk.startTrading());
        DeskEvent.TradingLoopChanged on = awaitOne(DeskEvent.TradingLoopChanged.class, "trading.loop");
        assertTrue(on.active());
        Harness.await(() -> h.desk.health().lastScanAt().isPresent(), "the loop's first scan");
        DeskEvent.ScanFinished finished = awaitOne(DeskEvent.ScanFinished.class, "scan.finished");
        assertEquals(Optional.of(Harness.T0.plus(Duration.ofMinutes(5))), finished.nextScanAt());
        assertEquals(finished.nextScanAt(), h.desk.health().nextScanAt());
        h.desk.engageKillSwitch(false, "stepping away");
        DeskEvent.KillSwitchEngaged engaged = awaitOne(DeskEvent.KillSwitchEngaged.class, "kill_switch.engaged");
        assertEquals("stepping away", engaged.reason());
        assertEquals("user", engaged.engagedBy());
        Harness.await(() -> seen(DeskEvent.TradingLoopChanged.class).size() == 2, "the loop stopped by the switch");
        assertFalse(seen(DeskEvent.TradingLoopChanged.class).get(1).active());
        assertEquals(Optional.empty(), h.desk.health().nextScanAt());
        h.desk.releaseKillSwitch();
        awaitOne(DeskEvent.KillSwitchReleased.class, "kill_switch.released");
        h.broker.setConnected(false);
        h.desk.watchHealth();
        DeskEvent.BrokerConnectionChanged down = awaitOne(DeskEvent.BrokerConnectionChanged.class, "health.broker");
        assertFalse(down.connected());
        assertEquals("fake", down.broker());
    }

    @Test
    void openPositionsAreMarkedWhenTheyChangeAndOnceMoreWhenTheLastOneIsGone() {
        startAndListen();
        h.desk.markPortfolio();
        Proposal p = h.propose("AAPL");
        h.desk.approve(p.proposalId(), Modification.none());
        h.broker.fillEntry(p.proposalId(), 100);
        h.awaitEvents();
        h.desk.markPortfolio();
        h.desk.markPortfolio(); // nothing changed: nothing published
        Harness.await(() -> seen(DeskEvent.PortfolioMarked.class).size() == 1, "one mark");
        DeskEvent.PortfolioMarked mark = seen(DeskEvent.PortfolioMarked.class).get(0);
        assertEquals("AAPL", mark.positions().get(0).symbol());
        h.broker.fillChild(p.proposalId(), OrderLeg.TAKE_PROFIT);
        h.awaitEvents();
        h.desk.markPortfolio();
        h.desk.markPortfolio();
        Harness.await(() -> seen(DeskEvent.PortfolioMarked.class).size() == 2, "the flat mark");
        assertTrue(seen(DeskEvent.PortfolioMarked.class).get(1).positions().isEmpty());
    }

    @Test
    void theNotifierIsSentEveryEvent() {
        List<DeskEvent> notified = new CopyOnWriteArrayList<>();
        h.desk = new DefaultDesk(h.config, h.ports().withNotifier(notified::add), h.clock, h.tuning);
        h.desk.start();
        h.desk.engageKillSwitch(false, "test");
        h.desk.releaseKillSwitch();
        Harness.await(() -> notified.size() == 2, "both kill switch events");
        assertInstanceOf(DeskEvent.KillSwitchEngaged.class, notified.get(0));
        assertInstanceOf(DeskEvent.KillSwitchReleased.class, notified.get(1));
    }
}
