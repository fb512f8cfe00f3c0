package tech.brokerbridge.paper.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tech.brokerbridge.paper.PaperConfig;
import tech.brokerbridge.ports.broker.AccountSnapshot;
import tech.brokerbridge.ports.broker.BracketOrder;
import tech.brokerbridge.ports.broker.Broker;
import tech.brokerbridge.ports.broker.OrderView;
import tech.brokerbridge.ports.broker.SubmitResult;
import tech.brokerbridge.ports.market.Direction;

/**
 * The account log after a crash: the files as a running market left them (copied while it runs, so
 * no clean close compacted them) must open to every saved change, and damage must be refused.
 */
class AccountLogTest {
    private static final Clock WEDNESDAY = Clock.fixed(Instant.parse("2026-03-18T15:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @RegisterExtension
    final MarketsUnderTest markets = new MarketsUnderTest();

    private SimulatedMarket open(Path where, int logCapacity) {
        return markets.track(
                new SimulatedMarket(PaperConfig.persistentIn(where), WEDNESDAY, Optional.empty(), logCapacity));
    }

    /** The account's files as they are now, in a new directory: what a SIGKILL would leave. */
    private Path crashImage(Path from, String name) throws IOException {
        Path to = dir.resolve(name);
        Files.createDirectories(to);
        for (String f : List.of(AccountFile.NAME, AccountLog.NAME)) {
            Files.copy(from.resolve(f), to.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        return to;
    }

    private static void submit(Broker b, String ref, double entry) {
        assertInstanceOf(SubmitResult.Accepted.class,
                b.submitBracket(new BracketOrder(ref, "AAPL", Direction.LONG, 1, entry, entry - 10, entry + 100)));
    }

    /** A market on {@code where} with one resting long bracket per ref, entries at 50, 51, ... */
    private SimulatedMarket restingBrackets(Path where, String... refs) {
        SimulatedMarket m = open(where, AccountFile.LOG_CAPACITY);
        for (int i = 0; i < refs.length; i++) {
            submit(m.broker(), refs[i], 50 + i);
        }
        return m;
    }

    /** What a broker shows of the account and of the given orders (also used by {@link LogSwitchTest}). */
    record Seen(AccountSnapshot account, Map<String, List<OrderView>> orders) {
    }

    static Seen seen(Broker b, List<String> refs) {
        Map<String, List<OrderView>> orders = new TreeMap<>();
        refs.forEach(r -> orders.put(r, b.ordersByRef(r)));
        return new Seen(b.account(), orders);
    }

    @Test
    void aLargerAccountGetsALargerLogSoCompactionsComeAsMuchLessOften() {
        int least = AccountFile.LOG_CAPACITY;
        assertEquals(least, AccountFile.capacityFor(least, 10_000), "a small account: the least log");
        assertEquals(least, AccountFile.capacityFor(least, least), "exactly one log's worth");
        assertEquals(2 * least, AccountFile.capacityFor(least, least + 1), "rounded up to whole logs");
        assertEquals(5 * least, AccountFile.capacityFor(least, 4_500_000), "an account of 8,000 brackets");
        assertEquals(AccountFile.MAX_LOG_CAPACITY, AccountFile.capacityFor(least, Integer.MAX_VALUE), "at most");
        assertEquals(4096, AccountFile.capacityFor(4096, 4_500_000), "a test's small log stays small");
    }

    @Test
    void aCrashKeepsEverySaveAndTheLogGoesOnWhereItStopped() throws IOException {
        Path live = dir.resolve("live");
        SimulatedMarket m = open(live, AccountFile.LOG_CAPACITY);
        m.exchange().forcePrice("AAPL", 100.0);
        submit(m.broker(), "a", 50);
        submit(m.broker(), "b", 101); // marketable: fills
        submit(m.broker(), "c", 60);
        assertEquals(3, m.broker().cancel("c"));
        List<String> refs = List.of("a", "b", "c");
        Seen before = seen(m.broker(), refs);

        SimulatedMarket after = open(crashImage(live, "crash1"), AccountFile.LOG_CAPACITY);
        assertEquals(before, seen(after.broker(), refs));
        submit(after.broker(), "d", 55);
        Seen later = seen(after.broker(), List.of("a", "b", "c", "d"));
        SimulatedMarket again = open(crashImage(dir.resolve("crash1"), "crash2"), AccountFile.LOG_CAPACITY);
        assertEquals(later, seen(again.broker(), List.of("a", "b", "c", "d")));
    }

    @Test
    void aRecordCutShortAtTheEndWasNeverAcknowledgedAndIsDropped() throws IOException {
        Path live = dir.resolve("live");
        SimulatedMarket m = open(live, AccountFile.LOG_CAPACITY);
        submit(m.broker(), "a", 50);
        Seen acknowledged = seen(m.broker(), List.of("a", "b"));
        submit(m.broker(), "b", 51);
        Path crashed = crashImage(live, "crash");
        byte[] log = Files.readAllBytes(crashed.resolve(AccountLog.NAME));
        int end = lastRecordEnd(log);
        int start = lastRecordStart(log, end);
        for (int i = start + (end - start) / 2; i < end; i++) {
            log[i] = 0; // the second half of the last append never reached the disk
        }
        Files.write(crashed.resolve(AccountLog.NAME), log);

        SimulatedMarket reopened = open(crashed, AccountFile.LOG_CAPACITY);
        assertEquals(acknowledged, seen(reopened.broker(), List.of("a", "b")));
        submit(reopened.broker(), "b", 51); // the ref is free again, and the log takes records after "a"
        assertEquals(3, open(crashImage(crashed, "again"), AccountFile.LOG_CAPACITY).broker().ordersByRef("b").size());
    }

    @Test
    void aDamagedRecordWithRecordsAfterItIsRefused() throws IOException {
        Path live = dir.resolve("live");
        restingBrackets(live, "a", "b");
        Path crashed = crashImage(live, "crash");
        String log = Files.readString(crashed.resolve(AccountLog.NAME), StandardCharsets.ISO_8859_1);
        Files.writeString(crashed.resolve(AccountLog.NAME), log.replaceFirst("\"orderRef\":\"a\"", "\"orderRef\":\"x\""),
                StandardCharsets.ISO_8859_1);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> open(crashed, AccountFile.LOG_CAPACITY));
        assertTrue(e.getMessage().contains(crashed.resolve(AccountLog.NAME).toString())
                && e.getMessage().contains("damaged"), e.getMessage());
    }

    @Test
    void aCompactionCutShortBeforeTheNewLogKeepsWhatTheAccountFileHolds() throws IOException {
        Path live = dir.resolve("live");
        SimulatedMarket m = restingBrackets(live, "a", "b");
        Path oldLog = crashImage(live, "before-close").resolve(AccountLog.NAME);
        Seen whole = seen(m.broker(), List.of("a", "b"));
        m.close(); // compacts: a new account file, then a new log
        Path crashed = crashImage(live, "compacted");
        Files.copy(oldLog, crashed.resolve(AccountLog.NAME), StandardCopyOption.REPLACE_EXISTING);
        assertEquals(whole, seen(open(crashed, AccountFile.LOG_CAPACITY).broker(), List.of("a", "b")));
    }

    @Test
    void anAccountFileChangedUnderItsLogIsRefused() throws IOException {
        Path live = dir.resolve("live");
        restingBrackets(live, "a");
        Path crashed = crashImage(live, "crash");
        String account = Files.readString(crashed.resolve(AccountFile.NAME));
        Files.writeString(crashed.resolve(AccountFile.NAME), account.replace("\"cash\": 100000.0", "\"cash\": 5.0"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> open(crashed, AccountFile.LOG_CAPACITY));
        assertTrue(e.getMessage().contains("changed after the log was written"), e.getMessage());
    }

    @Test
    void aFullLogIsCompactedAndNothingIsLost() throws IOException {
        Path live = dir.resolve("live");
        SimulatedMarket m = open(live, 4096); // room for a few records only
        List<String> refs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            refs.add("r" + i);
            submit(m.broker(), "r" + i, 40 + i);
        }
        assertEquals(4096, Files.size(live.resolve(AccountLog.NAME)));
        assertTrue(Files.readString(live.resolve(AccountFile.NAME)).contains("\"orderRef\": \"r20\""),
                "compacted into the account file on the way");
        assertEquals(seen(m.broker(), refs), seen(open(crashImage(live, "crash"), 4096).broker(), refs));
    }

    private static int lastRecordEnd(byte[] log) {
        int end = 0;
        for (int i = 0; i < log.length && log[i] != 0; i++) {
            if (log[i] == '\n') {
                end = i + 1;
            }
        }
        return end;
    }

    private static int lastRecordStart(byte[] log, int end) {
        int i = end - 2;
        while (log[i] != '\n') {
            i--;
        }
        return i + 1;
    }
}
