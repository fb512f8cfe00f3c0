package tech.brokerbridge.core.internal;

import tech.brokerbridge.core.DeskConfig;
import tech.brokerbridge.core.DeskFactory;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ports.journal.ProposalQuery;

class TradingLoopTest {
    final Harness h = new Harness(c -> new DeskConfig(c.version(), c.watchlist(), Duration.ofMillis(20),
            c.maxAiCandidates(), c.weights(), c.risk(), c.proposalTtl(), c.barsForAdvisor(), c.evaluationPeriod()));

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void theLoopScansUntilStopped() {
        h.start();
        assertFalse(h.desk.health().tradingLoopActive());
        h.signals.script("AAPL", Harness.longSetup("AAPL"));
        assertTrue(h.desk.startTrading());
        assertTrue(h.desk.startTrading(), "idempotent");
        assertTrue(h.desk.health().tradingLoopActive());
        Harness.await(() -> h.signals.calls() >= 8, "two scans");
        assertEquals(1, h.desk.proposals(ProposalQuery.all(10)).proposals().size(), "the second scan sees it busy");
        h.desk.stopTrading();
        assertFalse(h.desk.health().tradingLoopActive());
    }

    @Test
    void aScanThatThrowsDoesNotEndTheLoop() {
        h.broker.failNextAccountReads(2);
        h.start();
        h.desk.startTrading();
        Harness.await(() -> h.signals.calls() >= 4, "a scan after two failed ones");
        assertTrue(h.broker.accountReads() >= 3);
        assertTrue(h.desk.health().tradingLoopActive());
    }

    @Test
    void closeStopsTheLoopAndIsIdempotent() {
        h.start();
        h.desk.startTrading();
        h.desk.close();
        h.desk.close();
        assertFalse(h.desk.health().tradingLoopActive());
        assertFalse(h.desk.startTrading(), "a closed desk does not trade");
        // a terminated executor's thread may still be unwinding for a moment: wait for it, bounded
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("brokerbridge-trading-loop")) {
                assertTrue(joined(t), "the loop thread " + t.getName() + " is still alive after close");
            }
        }
    }

    private static boolean joined(Thread t) {
        try {
            t.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !t.isAlive();
    }
}
