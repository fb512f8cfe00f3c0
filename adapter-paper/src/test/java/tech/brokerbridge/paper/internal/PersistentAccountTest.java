package tech.brokerbridge.paper.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tech.brokerbridge.paper.internal.MarketsUnderTest.accept;
import static tech.brokerbridge.paper.internal.MarketsUnderTest.subscribe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tech.brokerbridge.paper.PaperConfig;
import tech.brokerbridge.ports.broker.AccountSnapshot;
import tech.brokerbridge.ports.broker.BracketOrder;
import tech.brokerbridge.ports.broker.Broker;
import tech.brokerbridge.ports.broker.BrokerException;
import tech.brokerbridge.ports.broker.OrderEvent;
import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.broker.OrderState;
import tech.brokerbridge.ports.broker.OrderView;
import tech.brokerbridge.ports.broker.SubmitResult;
import tech.brokerbridge.ports.market.Bar;
import tech.brokerbridge.ports.market.Direction;
import tech.brokerbridge.ports.tck.OrderEventRecorder;

/** The paper account kept in a state directory: what one market saved, the next one opened there carries on with. */
class PersistentAccountTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Clock WEDNESDAY = Clock.fixed(Instant.parse("2026-03-18T15:00:00Z"), ZoneOffset.UTC);
    private static final List<String> REFS = List.of("filled", "working", "cancelled", "closed");

    @TempDir
    Path dir;

    @RegisterExtension
    final MarketsUnderTest markets = new MarketsUnderTest();

    private SimulatedMarket open(Clock clock) {
        return markets.track(new SimulatedMarket(PaperConfig.persistentIn(dir).withCommissions(0, 0), clock));
    }

    @Test
    void aReopenedAccountHasItsCashPositionsOrdersAndFills() {
        SimulatedMarket first = open(WEDNESDAY);
        Broker b = first.broker();
        OrderEventRecorder events = subscribe(b);
        first.exchange().forcePrice("AAPL", 100.0);
        first.exchange().forcePrice("TSLA", 200.0);
        accept(b, new BracketOrder("filled", "AAPL", Direction.LONG, 10, 100.5, 95, 110)); // marketable: fills at once
        accept(b, new BracketOrder("working", "AAPL", Direction.LONG, 5, 96, 80, 120));
        accept(b, new BracketOrder("cancelled", "MSFT", Direction.SHORT, 2, 500, 520, 450));
        assertEquals(3, b.cancel("cancelled"));
        accept(b, new BracketOrder("closed", "TSLA", Direction.SHORT, 4, 199, 210, 180));
        first.exchange().forcePrice("TSLA", 179.0); // the target fills, the stop is cancelled
        events.await(OrderEvent.Cancelled.class, "closed", OrderLeg.STOP_LOSS, WAIT);
        AccountSnapshot account = b.account();
        assertEquals(76, account.realizedPnlToday(), 1e-9, "the short sold at 199 and bought back at 180");
        Map<String, List<OrderView>> orders = ordersOf(b);
        var positions = b.positions();
        var open = b.openOrders();
        Set<String> executionIds = executionIds(events);
        first.close();

        SimulatedMarket second = open(WEDNESDAY);
        Broker again = second.broker();
        assertEquals(account, again.account(), "cash, P&L, buying power, as of the same simulated time");
        assertEquals(positions, again.positions());
        assertEquals(orders, ordersOf(again), "every leg with its state and fill");
        assertEquals(open, again.openOrders());
        assertEquals(OrderState.WORKING, leg(again, "working", OrderLeg.ENTRY).state());

        OrderEventRecorder later = subscribe(again);
        second.exchange().forcePrice("AAPL", 95.5); // above the stop of "filled" (95)
        OrderEvent.Filled fill = later.await(OrderEvent.Filled.class, "working", OrderLeg.ENTRY, WAIT);
        assertEquals(96, fill.price(), 1e-9, "the working entry fills at its limit after the restart");
        assertTrue(!executionIds.contains(fill.executionId()), "a new execution id: " + fill.executionId());
        assertEquals(15, again.positions().get(0).quantity());

        SubmitResult.Rejected dup = assertInstanceOf(SubmitResult.Rejected.class,
                again.submitBracket(new BracketOrder("filled", "AAPL", Direction.LONG, 1, 80, 70, 100)));
        assertTrue(dup.duplicate(), "an order ref from before the restart is still refused: " + dup);
        SubmitResult.Accepted fresh = accept(again, new BracketOrder("new", "AAPL", Direction.LONG, 1, 80, 70, 100));
        Set<String> legIds = new HashSet<>();
        orders.values().forEach(legs -> legs.forEach(v -> legIds.add(v.brokerOrderId())));
        fresh.brokerOrderIds().forEach(id -> assertTrue(legIds.add(id), "leg id " + id + " handed out twice"));
    }

    @Test
    void aWorkingEntryFillsWhileTheDeskWasDownOnceTimeCatchesUp() {
        // a symbol whose Thursday (19 March), as seen from Friday, trades below Wednesday's close and its open
        MarketsUnderTest.DailyBars found = MarketsUnderTest.firstSymbolWhere(bars -> {
            Bar th = bars.get(bars.size() - 1);
            double l = restingLevel(bars);
            return th.low() < l && l < Math.min(th.open(), bars.get(bars.size() - 2).close());
        }, "some symbol trades down on Thursday");
        String symbol = found.symbol();
        Bar thursday = found.last();
        double level = restingLevel(found.bars());
        assertEquals(LocalDate.parse("2026-03-19"), LocalDate.ofInstant(thursday.time(), ZoneOffset.UTC));

        SimulatedMarket first = open(Clock.fixed(Instant.parse("2026-03-18T22:00:00Z"), ZoneOffset.UTC));
        assertTrue(level < first.exchange().livePrice(symbol), "below Wednesday's close: the entry rests");
        accept(first.broker(), new BracketOrder("overnight", symbol, Direction.LONG, 3, level, level * 0.5, level * 3));
        first.close();

        SimulatedMarket second = open(Clock.fixed(Instant.parse("2026-03-19T22:00:00Z"), ZoneOffset.UTC));
        OrderEventRecorder events = subscribe(second.broker());
        OrderView entry = leg(second.broker(), "overnight", OrderLeg.ENTRY);
        assertEquals(OrderState.FILLED, entry.state(), "the market moved on and reached the entry");
        assertEquals(level, entry.averageFillPrice(), 1e-9);
        OrderEvent.Filled fill = events.await(OrderEvent.Filled.class, "overnight", OrderLeg.ENTRY, WAIT);
        assertEquals(LocalDate.parse("2026-03-19"), LocalDate.ofInstant(fill.time(), ZoneOffset.UTC), "during Thursday's session");
        second.close();

        SimulatedMarket third = open(Clock.fixed(Instant.parse("2026-03-19T22:00:00Z"), ZoneOffset.UTC));
        assertEquals(OrderState.WORKING, leg(third.broker(), "overnight", OrderLeg.STOP_LOSS).state(), "the children work");
        assertEquals(3, third.broker().positions().get(0).quantity());
    }

    @Test
    void timeMovedBeyondTheClockIsKept() {
        SimulatedMarket first = open(WEDNESDAY);
        first.advance(Duration.ofDays(2));
        Instant reached = first.now();
        AccountSnapshot friday = first.broker().account();
        first.close();
        SimulatedMarket second = open(WEDNESDAY);
        assertEquals(reached, second.now());
        assertEquals(friday, second.broker().account());
    }

    @Test
    void aSaveThatFailsUndoesTheCallAndSendsNoEvent() throws IOException {
        // a log with no room for a record: every save writes the whole account, through its temp file
        SimulatedMarket m = markets.track(
                new SimulatedMarket(PaperConfig.persistentIn(dir), WEDNESDAY, Optional.empty(), 0));
        OrderEventRecorder events = subscribe(m.broker());
        m.exchange().forcePrice("AAPL", 100.0);
        AccountSnapshot before = m.broker().account();
        Path blocker = dir.resolve(AccountFile.NAME + ".tmp");
        Files.createDirectories(blocker.resolve("in-the-way")); // the save cannot write its temp file

        BrokerException e = assertThrows(BrokerException.class,
                () -> m.broker().submitBracket(new BracketOrder("lost", "AAPL", Direction.LONG, 10, 100.5, 95, 110)));
        assertTrue(e.retryable(), "a retry may succeed");
        assertTrue(e.getMessage().contains("nothing changed"), e.getMessage());
        assertTrue(m.broker().ordersByRef("lost").isEmpty(), "the bracket is not held");
        assertEquals(before, m.broker().account(), "its marketable entry did not fill");

        Files.delete(blocker.resolve("in-the-way"));
        SubmitResult.Accepted ok = accept(m.broker(), new BracketOrder("kept", "AAPL", Direction.LONG, 10, 100.5, 95, 110));
        events.await(OrderEvent.Filled.class, "kept", OrderLeg.ENTRY, WAIT);
        assertTrue(events.events("lost").isEmpty(), "no event of the undone call, sent before the later ones: "
                + events.events("lost"));
        assertEquals(OrderState.FILLED, leg(m.broker(), "kept", OrderLeg.ENTRY).state());
        m.close();
        SimulatedMarket reopened = open(WEDNESDAY);
        assertTrue(reopened.broker().ordersByRef("lost").isEmpty());
        assertEquals(ok.brokerOrderIds().get(0), leg(reopened.broker(), "kept", OrderLeg.ENTRY).brokerOrderId());
    }

    @Test
    void theFilesArePrivateAndNoTempFileIsLeft() throws IOException {
        Path nested = dir.resolve("not-yet").resolve("there");
        SimulatedMarket m = markets.track(new SimulatedMarket(PaperConfig.persistentIn(nested), WEDNESDAY));
        Path file = nested.resolve(AccountFile.NAME);
        Path log = nested.resolve(AccountLog.NAME);
        assertTrue(Files.isRegularFile(file) && Files.isRegularFile(log), "a new account is saved at once");
        accept(m.broker(), new BracketOrder("r", "AAPL", Direction.LONG, 1, 50, 40, 200));
        assertTrue(Files.readString(log).contains("\"orderRef\":\"r\""), "the save is in the log");
        m.close();
        assertTrue(Files.readString(file).contains("\"orderRef\": \"r\""), "a clean close writes the account whole");
        assertTrue(!Files.exists(nested.resolve(AccountFile.NAME + ".tmp"))
                && !Files.exists(nested.resolve(AccountLog.NAME + ".tmp")), "no temp file after a save");
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            for (Path p : List.of(file, log)) {
                assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(p)), p.toString());
            }
            assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(nested)));
        }
    }

    @Test
    void aCallThatChangesNothingWritesNothingAndASaveOnlyAppendsToTheLog() throws IOException {
        SimulatedMarket m = open(WEDNESDAY);
        accept(m.broker(), new BracketOrder("r", "AAPL", Direction.LONG, 1, 50, 40, 200));
        Path file = dir.resolve(AccountFile.NAME);
        Path log = dir.resolve(AccountLog.NAME);
        Object account = Files.getAttribute(file, "fileKey"); // a whole-account save renames a new file in
        byte[] logged = Files.readAllBytes(log);
        m.tick();
        m.broker().account();
        m.broker().openOrders();
        assertEquals(0, m.broker().cancel("unknown"));
        assertArrayEquals(logged, Files.readAllBytes(log));
        m.broker().cancel("r");
        assertFalse(Arrays.equals(logged, Files.readAllBytes(log)), "the cancel is appended");
        assertEquals(logged.length, Files.size(log), "into room the log already had");
        assertEquals(account, Files.getAttribute(file, "fileKey"), "the account file is left alone");
    }

    @Test
    void oneAccountIsOpenOnceAtATime() {
        SimulatedMarket first = open(WEDNESDAY);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> open(WEDNESDAY));
        assertTrue(e.getMessage().contains("already open"), e.getMessage());
        first.close();
        open(WEDNESDAY).broker().account();
    }

    @Test
    void anAccountInAnotherCurrencyOrSeedIsNotReinterpreted() {
        open(WEDNESDAY).close();
        for (PaperConfig other : List.of(new PaperConfig(100_000, "EUR", 7).withStateDirectory(dir),
                new PaperConfig(100_000, "USD", 8).withStateDirectory(dir))) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> new SimulatedMarket(other, WEDNESDAY));
            assertTrue(e.getMessage().contains(dir.resolve(AccountFile.NAME).toString()) && e.getMessage().contains("USD"),
                    e.getMessage());
        }
        open(WEDNESDAY).broker().account(); // the failed opens let go of the lock
    }

    @Test
    void startingCashOnlyOpensNewAccounts() {
        SimulatedMarket m = open(WEDNESDAY);
        m.exchange().forcePrice("AAPL", 100.0);
        accept(m.broker(), new BracketOrder("r", "AAPL", Direction.LONG, 10, 100.5, 95, 110));
        double cash = m.broker().account().cash();
        m.close();
        try (SimulatedMarket richer = new SimulatedMarket(new PaperConfig(5_000_000, "USD", 7).withStateDirectory(dir),
                WEDNESDAY)) {
            assertEquals(cash, richer.broker().account().cash(), 1e-9);
        }
    }

    private static Map<String, List<OrderView>> ordersOf(Broker b) {
        Map<String, List<OrderView>> out = new TreeMap<>();
        for (String ref : REFS) {
            out.put(ref, b.ordersByRef(ref));
            assertEquals(3, out.get(ref).size(), ref);
        }
        return out;
    }

    private static Set<String> executionIds(OrderEventRecorder events) {
        Set<String> ids = new HashSet<>();
        for (OrderEvent e : events.events()) {
            if (e instanceof OrderEvent.Filled f) {
                ids.add(f.executionId());
            }
        }
        return ids;
    }

    /** Halfway between Thursday's low and the lower of its open and Wednesday's close, in cents. */
    private static double restingLevel(List<Bar> bars) {
        Bar th = bars.get(bars.size() - 1);
        double wednesdayClose = bars.get(bars.size() - 2).close();
        return Math.round((th.low() + Math.min(th.open(), wednesdayClose)) / 2 * 100) / 100.0;
    }

    private static OrderView leg(Broker b, String ref, OrderLeg leg) {
        return b.ordersByRef(ref).stream().filter(v -> v.leg() == leg).findFirst().orElseThrow();
    }
}
