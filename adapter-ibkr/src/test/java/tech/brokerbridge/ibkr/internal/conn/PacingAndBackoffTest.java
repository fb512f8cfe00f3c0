package tech.brokerbridge.ibkr.internal.conn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ibkr.internal.error.GatewayException;
import tech.brokerbridge.ibkr.internal.market.HistoricalPacing;

class PacingAndBackoffTest {
    /** A fake clock: sleeping advances it. */
    static final class FakeTime implements Ticker, Sleeper {
        final AtomicLong now = new AtomicLong(1_000_000_000L);
        final List<Duration> sleeps = new ArrayList<>();

        @Override
        public long nanos() {
            return now.get();
        }

        @Override
        public void sleep(Duration d) {
            sleeps.add(d);
            now.addAndGet(d.toNanos());
        }
    }

    @Test
    void atMostFiftyMessagesInAnyOneSecondWindow() throws Exception {
        FakeTime t = new FakeTime();
        Pacer pacer = Pacer.ibDefault(t, t);
        List<Long> sent = new ArrayList<>();
        for (int i = 0; i < 175; i++) {
            pacer.acquire();
            sent.add(t.nanos());
            if (i % 7 == 0) {
                t.now.addAndGet(3_000_000); // some messages are spaced out by the caller
            }
        }
        for (int i = 50; i < sent.size(); i++) {
            assertTrue(sent.get(i) - sent.get(i - 50) >= 1_000_000_000L, "51 messages within 1 s at " + i);
        }
        assertTrue(sent.get(sent.size() - 1) - sent.get(0) >= 3_000_000_000L);
    }

    @Test
    void aBurstUpToTheLimitIsNotDelayed() throws Exception {
        FakeTime t = new FakeTime();
        Pacer pacer = Pacer.ibDefault(t, t);
        for (int i = 0; i < 50; i++) {
            pacer.acquire();
        }
        assertTrue(t.sleeps.isEmpty());
        pacer.acquire();
        assertEquals(Duration.ofSeconds(1), t.sleeps.get(0));
    }

    @Test
    void backoffDoublesFromOneSecondToSixtyWithJitter() {
        Backoff max = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), () -> 1.0);
        List<Long> s = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            s.add(max.next().toSeconds());
        }
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L), s);
        Backoff min = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), () -> 0.0);
        assertEquals(500, min.next().toMillis(), "jitter draws from [d/2, d]");
        assertEquals(1000, min.next().toMillis());
        min.reset();
        assertEquals(500, min.next().toMillis());
        assertEquals(Duration.ofSeconds(2), min.ceiling());
    }

    /** {@code n} historical requests for {@code contract}, each let through and done at once. */
    private static void requests(HistoricalPacing p, String contract, int n) {
        for (int i = 0; i < n; i++) {
            p.acquire(contract, Duration.ofSeconds(10));
            p.release();
        }
    }

    @Test
    void historicalPacingAllowsFivePerContractInTwoSeconds() {
        FakeTime t = new FakeTime();
        HistoricalPacing p = new HistoricalPacing(t, t);
        requests(p, "AAPL|SMART|TRADES", 5);
        assertTrue(t.sleeps.isEmpty());
        requests(p, "MSFT|SMART|TRADES", 1);
        assertTrue(t.sleeps.isEmpty(), "other contracts are not held back");
        requests(p, "AAPL|SMART|TRADES", 1);
        assertEquals(Duration.ofSeconds(2), t.sleeps.get(0));
    }

    @Test
    void historicalPacingNeverWaitsLongerThanTheTimeout() {
        FakeTime t = new FakeTime();
        HistoricalPacing p = new HistoricalPacing(t, t);
        requests(p, "AAPL", 5);
        GatewayException e = assertThrows(GatewayException.class, () -> p.acquire("AAPL", Duration.ofMillis(500)));
        assertTrue(e.retryable());
        assertTrue(t.sleeps.isEmpty());
    }

    @Test
    void atMostFiftyHistoricalRequestsOpenAtOnce() {
        FakeTime t = new FakeTime();
        HistoricalPacing p = new HistoricalPacing(t, t);
        for (int i = 0; i < 50; i++) {
            p.acquire("S" + i, Duration.ofSeconds(1));
        }
        assertThrows(GatewayException.class, () -> p.acquire("S50", Duration.ofMillis(20)));
        p.release();
        p.acquire("S50", Duration.ofMillis(20));
    }

    @Test
    void identicalRequestsAreServedFromTheLastFifteenSeconds() {
        FakeTime t = new FakeTime();
        HistoricalPacing p = new HistoricalPacing(t, t);
        p.remember("AAPL|1 Y", List.of());
        assertTrue(p.recent("AAPL|1 Y").isPresent());
        t.now.addAndGet(Duration.ofSeconds(15).toNanos());
        assertTrue(p.recent("AAPL|1 Y").isEmpty());
    }
}
