package tech.brokerbridge.paper.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tech.brokerbridge.paper.PaperConfig;
import tech.brokerbridge.ports.broker.BracketOrder;
import tech.brokerbridge.ports.broker.SubmitResult;
import tech.brokerbridge.ports.market.Direction;

/**
 * The switch to a log prepared in the background: every acknowledged save survives a crash at any point
 * of it. The files are taken when the new log holds its records and is synced, before either rename, and
 * every combination of the two renames having reached the disk or not is opened.
 */
class LogSwitchTest {
    private static final Clock WEDNESDAY = Clock.fixed(Instant.parse("2026-03-18T15:00:00Z"), ZoneOffset.UTC);
    private static final int CAPACITY = 16 << 10;
    private static final Duration BOUND = Duration.ofSeconds(20);
    private static final List<String> FILES = List.of(AccountFile.NAME, AccountLog.NAME, AccountFile.NAME + ".tmp",
            AccountLog.NAME + ".tmp");

    @TempDir
    Path dir;

    @RegisterExtension
    final MarketsUnderTest markets = new MarketsUnderTest();

    @Test
    void everyAcknowledgedSaveSurvivesACrashAnywhereInTheBackgroundSwitchToTheNextLog() throws Exception {
        crashAnywhereInTheSwitch(true);
    }

    @Test
    void everyAcknowledgedSaveSurvivesACrashAnywhereInTheSwitchOfASaveThatFoundTheLogFull() throws Exception {
        crashAnywhereInTheSwitch(false);
    }

    /**
     * Saves until a switch to a prepared log, taking the files between the new log's sync and the renames.
     * {@code inBackground}: the background thread switches (every save was acknowledged from the old log
     * before); else it is held, and the save that finds the old log full switches, its record in flight.
     */
    private void crashAnywhereInTheSwitch(boolean inBackground) throws Exception {
        Path live = dir.resolve("live");
        Path pre = dir.resolve("pre");
        AtomicReference<AccountFile> file = new AtomicReference<>();
        List<String> switches = new ArrayList<>();
        CountDownLatch held = new CountDownLatch(1);
        SimulatedMarket m = markets.track(new SimulatedMarket(PaperConfig.persistentIn(live), WEDNESDAY,
                Optional.empty(), CAPACITY, f -> {
                    file.set(f);
                    f.beforeSwitch = () -> {
                        synchronized (switches) {
                            switches.add(Thread.currentThread().getName());
                            if (switches.size() == 1) {
                                copy(live, pre);
                            }
                        }
                    };
                    if (!inBackground) {
                        f.beforeBackgroundSwitch = () -> {
                            try {
                                held.await(BOUND.toMillis(), TimeUnit.MILLISECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        };
                    }
                }));
        List<String> refs = new ArrayList<>();
        AccountLogTest.Seen beforeLast = null;
        try {
            for (int i = 0; switched(switches).isEmpty(); i++) {
                assertTrue(i < 200, "no switch to a prepared log after 200 saves");
                beforeLast = AccountLogTest.seen(m.broker(), List.copyOf(refs));
                String ref = "b" + i;
                refs.add(ref);
                assertInstanceOf(SubmitResult.Accepted.class, m.broker().submitBracket(
                        new BracketOrder(ref, "AAPL", Direction.LONG, 1, 50 + i * 0.01, 40, 150)));
                long deadline = System.nanoTime() + BOUND.toNanos();
                // the background work done before the next save: switched too, unless it is held
                while (inBackground ? file.get().switchPending() : file.get().preparing()) {
                    assertTrue(System.nanoTime() < deadline, "the next log was not prepared within " + BOUND);
                    Thread.sleep(1);
                }
            }
        } finally {
            held.countDown();
        }
        assertEquals(1, switched(switches).size());
        assertEquals(inBackground, switched(switches).get(0).equals("brokerbridge-paper-compaction"),
                "switched on " + switched(switches).get(0));
        AccountLogTest.Seen all = AccountLogTest.seen(m.broker(), refs);
        List<String> before = refs.subList(0, refs.size() - 1);
        assertTrue(Files.exists(pre.resolve(AccountFile.NAME + ".tmp")) && Files.exists(pre.resolve(AccountLog.NAME
                + ".tmp")), "both new files were there before the renames");

        // no rename reached the disk: the old pair, which has every acknowledged save (a save in flight, not
        // acknowledged, is in the new log only)
        assertEquals(inBackground ? all : beforeLast, opened(variant(pre, "neither", false, false),
                inBackground ? refs : before));
        // the log's rename did, the account file's not; the account file's did, the log's not; both did
        assertEquals(all, opened(variant(pre, "log", true, false), refs));
        assertEquals(all, opened(variant(pre, "account", false, true), refs));
        assertEquals(all, opened(variant(pre, "both", true, true), refs));
        // the load finished the renames: the pair stands alone, and opens again the same
        for (String v : List.of("log", "account")) {
            assertFalse(Files.exists(dir.resolve(v).resolve(AccountFile.NAME + ".tmp")), v);
            assertFalse(Files.exists(dir.resolve(v).resolve(AccountLog.NAME + ".tmp")), v);
            assertEquals(all, opened(dir.resolve(v), refs), v + ", again");
        }
        // and the live market goes on from the switch: it reopens to everything
        m.close();
        assertEquals(all, opened(live, refs));
    }

    private static List<String> switched(List<String> switches) {
        synchronized (switches) {
            return List.copyOf(switches);
        }
    }

    private AccountLogTest.Seen opened(Path where, List<String> refs) {
        SimulatedMarket m = new SimulatedMarket(PaperConfig.persistentIn(where), WEDNESDAY, Optional.empty(), CAPACITY);
        try {
            return AccountLogTest.seen(m.broker(), refs);
        } finally {
            m.close();
        }
    }

    /** The files before the renames, with the log's and the account file's rename done or not. */
    private Path variant(Path pre, String name, boolean logRenamed, boolean accountRenamed) throws IOException {
        Path to = dir.resolve(name);
        copy(pre, to);
        if (logRenamed) {
            Files.move(to.resolve(AccountLog.NAME + ".tmp"), to.resolve(AccountLog.NAME),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        if (accountRenamed) {
            Files.move(to.resolve(AccountFile.NAME + ".tmp"), to.resolve(AccountFile.NAME),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        return to;
    }

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to);
            for (String f : FILES) {
                if (Files.exists(from.resolve(f))) {
                    Files.copy(from.resolve(f), to.resolve(f), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
