package tech.brokerbridge.http.internal.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ports.tck.AtOnce;

class SlidingLogRateLimiterTest {
    private static final long S = 1_000_000_000L;
    private final AtomicLong now = new AtomicLong(1_000 * S);

    private SlidingLogRateLimiter limiter(int limit, int maxClients) {
        return new SlidingLogRateLimiter(limit, Duration.ofSeconds(60), now::get, maxClients);
    }

    @Test
    void letsExactlyTheLimitThroughThenSaysHowLongToWait() {
        SlidingLogRateLimiter l = limiter(3, 100);
        assertEquals(0, l.acquire("a"));
        now.addAndGet(10 * S);
        assertEquals(0, l.acquire("a"));
        assertEquals(0, l.acquire("a"));
        now.addAndGet(5 * S);
        // the first admission (at t0) leaves the window at t0 + 60 s; now is t0 + 15 s
        assertEquals(45 * S, l.acquire("a"));
        assertEquals(45 * S, l.acquire("a"));
    }

    @Test
    void theWindowSlidesOneAdmissionAtATime() {
        SlidingLogRateLimiter l = limiter(2, 100);
        assertEquals(0, l.acquire("a"));           // t0
        now.addAndGet(30 * S);
        assertEquals(0, l.acquire("a"));           // t0 + 30
        now.addAndGet(30 * S - 1);
        assertEquals(1, l.acquire("a"));           // t0 + 60 - 1 ns: still full
        now.addAndGet(1);
        assertEquals(0, l.acquire("a"));           // t0 + 60: the first left
        assertEquals(30 * S, l.acquire("a"));      // full again until t0 + 90
    }

    @Test
    void inAnyWindowNoMoreThanTheLimitGetThrough() {
        SlidingLogRateLimiter l = limiter(10, 100);
        List<Long> admitted = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            now.addAndGet((i * 7919L % 13) * S / 4);   // irregular steps of 0 to 3 s
            if (l.acquire("a") == 0) {
                admitted.add(now.get());
            }
        }
        for (int i = 0; i + 10 < admitted.size(); i++) {
            assertTrue(admitted.get(i + 10) - admitted.get(i) >= 60 * S, "11 admissions within 60 s at " + i);
        }
        assertTrue(admitted.size() > 100, "the limiter kept admitting as the window slid");
    }

    @Test
    void clientsAreCountedSeparately() {
        SlidingLogRateLimiter l = limiter(1, 100);
        assertEquals(0, l.acquire("a"));
        assertEquals(0, l.acquire("b"));
        assertTrue(l.acquire("a") > 0);
        assertEquals(new SlidingLogRateLimiter.Stats(2, 2, 1, 0, 1, Duration.ofSeconds(60)), l.stats());
    }

    @Test
    void aClockSteppingBackDoesNotReopenAFullWindow() {
        SlidingLogRateLimiter l = limiter(2, 100);
        l.acquire("a");
        l.acquire("a");
        now.addAndGet(-3_600 * S);
        assertTrue(l.acquire("a") > 0);
    }

    @Test
    void exactUnderEightConcurrentThreads() throws Exception {
        SlidingLogRateLimiter l = limiter(1_000, 100);
        AtomicLong clock = new AtomicLong(0);
        SlidingLogRateLimiter ticking = new SlidingLogRateLimiter(1_000, Duration.ofSeconds(60),
                () -> clock.getAndAdd(1_000), 100);
        List<int[]> results = AtOnce.run(8, Duration.ofSeconds(30), () -> {
            int[] counts = new int[2];
            for (int i = 0; i < 500; i++) {
                counts[0] += l.acquire("shared") == 0 ? 1 : 0;
                counts[1] += ticking.acquire("shared") == 0 ? 1 : 0;
            }
            return counts;
        });
        int allowed = 0;
        int allowedTicking = 0;
        for (int[] c : results) {
            allowed += c[0];
            allowedTicking += c[1];
        }
        assertEquals(1_000, allowed);
        // 4000 calls 1 µs apart all fall inside one 60 s window
        assertEquals(1_000, allowedTicking);
        assertEquals(1_000, l.stats().allowed());
        assertEquals(3_000, l.stats().refused());
    }

    @Test
    void idleClientsAreEvicted() {
        SlidingLogRateLimiter l = limiter(5, 100);
        for (int i = 0; i < 50; i++) {
            l.acquire("client-" + i);
        }
        assertEquals(50, l.stats().trackedClients());
        now.addAndGet(61 * S);
        l.acquire("late");   // the first request after a window sweeps
        assertEquals(1, l.stats().trackedClients());
    }

    @Test
    void aBusyClientIsNotEvicted() {
        SlidingLogRateLimiter l = limiter(5, 100);
        l.acquire("old");
        now.addAndGet(30 * S);
        l.acquire("busy");
        now.addAndGet(31 * S);
        l.sweep(now.get());
        assertEquals(1, l.stats().trackedClients());
        // busy's admission is still in the window, so it still counts
        for (int i = 0; i < 4; i++) {
            assertEquals(0, l.acquire("busy"));
        }
        assertTrue(l.acquire("busy") > 0);
    }

    @Test
    void aFullTableEvictsTheOldestClientAndNeverTurnsANewcomerAway() {
        SlidingLogRateLimiter l = limiter(5, 3);
        l.acquire("a");
        now.addAndGet(10 * S);
        l.acquire("b");
        l.acquire("c");
        assertEquals(0, l.acquire("d"), "a newcomer to a full table is admitted at once");
        assertEquals(3, l.stats().trackedClients());
        assertEquals(1, l.stats().evicted());
        // "a" was the oldest: it was forgotten and starts over; "b" and "c" keep their counts
        for (int i = 0; i < 4; i++) {
            assertEquals(0, l.acquire("c"));
        }
        assertTrue(l.acquire("c") > 0, "c's earlier admission still counts");
    }

    @Test
    void aTableFillAttackNeverLocksOutTheNextClient() {
        SlidingLogRateLimiter l = limiter(100, 1_000);
        for (int i = 0; i < 50_000; i++) {
            assertEquals(0, l.acquire("attacker-" + i));
        }
        assertTrue(l.stats().trackedClients() <= 1_000);
        assertEquals(0, l.acquire("user"));
        assertEquals(0, l.acquire("user"), "the newcomer is tracked and keeps its budget");
        assertEquals(0, l.stats().refused());
    }

    @Test
    void aHugeLimitCostsMemoryOnlyForAdmissions() {
        SlidingLogRateLimiter l = limiter(100_000_000, 10);
        for (int i = 0; i < 100_000; i++) {
            assertEquals(0, l.acquire("a"));
        }
        assertEquals(100_000, l.stats().allowed());
    }
}
