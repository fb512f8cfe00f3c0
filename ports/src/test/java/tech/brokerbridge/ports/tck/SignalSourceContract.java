package tech.brokerbridge.ports.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ports.market.Bar;
import tech.brokerbridge.ports.market.Direction;
import tech.brokerbridge.ports.signals.Evidence;
import tech.brokerbridge.ports.signals.Setup;
import tech.brokerbridge.ports.signals.SignalSource;
import tech.brokerbridge.ports.signals.SignalSourceException;

/**
 * The contract every {@link SignalSource} honours, real or fake: pure and deterministic (the same
 * bars give the same setups, from any thread), every setup for the scanned symbol with scores in
 * [0,1], evidence with names and finite values, and stop and target on the right sides of a positive
 * entry; too few bars give no setup or a {@link SignalSourceException}; bars out of order give a
 * {@link SignalSourceException}.
 *
 * <p>Hooks: {@link #newSignalSource()} and {@link #barsWithSetups()}, a small watchlist on which the
 * source finds at least one setup (so the checks on setups never run on an empty list).
 */
public abstract class SignalSourceContract {
    /** A fresh signal source; called once per test. */
    protected abstract SignalSource newSignalSource();

    /** Symbol → daily bars (oldest first) on which the source finds at least one setup in all. */
    protected abstract Map<String, List<Bar>> barsWithSetups();

    @Test
    void theSameBarsGiveTheSameSetups() {
        SignalSource source = newSignalSource();
        for (Map.Entry<String, List<Bar>> e : barsWithSetups().entrySet()) {
            List<Setup> first = source.scan(e.getKey(), e.getValue());
            assertEquals(first, source.scan(e.getKey(), new ArrayList<>(e.getValue())), "same bars, same setups");
            assertEquals(first, newSignalSource().scan(e.getKey(), e.getValue()), "another instance agrees");
        }
    }

    @Test
    void everySetupIsWellFormed() {
        SignalSource source = newSignalSource();
        int found = 0;
        for (Map.Entry<String, List<Bar>> e : barsWithSetups().entrySet()) {
            for (Setup s : source.scan(e.getKey(), e.getValue())) {
                found++;
                assertEquals(e.getKey(), s.symbol(), "setup for the scanned symbol");
                assertFalse(s.setupType().isBlank(), "a setup type");
                assertTrue(s.evidenceStrength() >= 0 && s.evidenceStrength() <= 1, "evidence strength in [0,1]: " + s);
                assertTrue(s.setupQuality() >= 0 && s.setupQuality() <= 1, "setup quality in [0,1]: " + s);
                assertTrue(s.entry() > 0 && Double.isFinite(s.entry()), "positive entry: " + s);
                if (s.direction() == Direction.LONG) {
                    assertTrue(s.stop() < s.entry() && s.target() > s.entry(), "long: stop below, target above: " + s);
                } else {
                    assertTrue(s.stop() > s.entry() && s.target() < s.entry(), "short: stop above, target below: " + s);
                }
                assertTrue(s.stop() > 0, "positive stop: " + s);
                assertFalse(s.evidence().isEmpty(), "evidence justifies the setup: " + s);
                for (Evidence ev : s.evidence()) {
                    assertFalse(ev.name().isBlank(), "named evidence: " + s);
                    assertTrue(Double.isFinite(ev.value()), "finite evidence: " + ev);
                }
            }
        }
        assertTrue(found > 0, "barsWithSetups() must yield at least one setup");
    }

    @Test
    void scansFromManyThreadsAgree() throws InterruptedException {
        SignalSource source = newSignalSource();
        Map<String, List<Bar>> watchlist = barsWithSetups();
        Map<String, List<Setup>> expected = new java.util.TreeMap<>();
        watchlist.forEach((symbol, bars) -> expected.put(symbol, source.scan(symbol, bars)));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Map<String, List<Setup>>>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(pool.submit(() -> {
                    Map<String, List<Setup>> got = new java.util.TreeMap<>();
                    watchlist.forEach((symbol, bars) -> got.put(symbol, source.scan(symbol, bars)));
                    return got;
                }));
            }
            for (Future<Map<String, List<Setup>>> run : runs) {
                assertEquals(expected, run.get(30, TimeUnit.SECONDS), "a concurrent scan agrees");
            }
        } catch (ExecutionException | TimeoutException e) {
            fail("a concurrent scan failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void tooFewBarsGiveNoSetupOrASignalSourceException() {
        Map.Entry<String, List<Bar>> any = barsWithSetups().entrySet().iterator().next();
        List<Bar> bars = any.getValue();
        for (List<Bar> few : List.of(List.<Bar>of(), bars.subList(bars.size() - 1, bars.size()))) {
            try {
                assertEquals(List.of(), newSignalSource().scan(any.getKey(), few), "no setup from " + few.size() + " bars");
            } catch (SignalSourceException expected) {
                assertFalse(expected.retryable(), "the same bars fail the same way");
            }
        }
    }

    @Test
    void barsOutOfOrderAreRefused() {
        Map.Entry<String, List<Bar>> any = barsWithSetups().entrySet().iterator().next();
        List<Bar> reversed = new ArrayList<>(any.getValue());
        Collections.reverse(reversed);
        assertThrows(SignalSourceException.class, () -> newSignalSource().scan(any.getKey(), reversed));
    }
}
