package tech.brokerbridge.core.internal.proposals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.core.support.MutableClock;
import tech.brokerbridge.ports.fakes.InMemoryJournal;
import tech.brokerbridge.ports.journal.CoolDown;
import tech.brokerbridge.ports.journal.Proposal;
import tech.brokerbridge.ports.journal.ProposalStatus;
import tech.brokerbridge.ports.journal.StatusChange;
import tech.brokerbridge.ports.market.Direction;
import tech.brokerbridge.ports.signals.Setup;

class CoolDownsTest {
    /** Monday 2026-01-05, 10:00 in New York (EST, UTC-5). */
    static final Instant MONDAY_10_NY = Instant.parse("2026-01-05T15:00:00Z");
    final MutableClock clock = new MutableClock(MONDAY_10_NY);
    final InMemoryJournal journal = new InMemoryJournal();

    @Test
    void zeroMeansUntilTheNextRegularCloseInNewYork() {
        assertEquals(Instant.parse("2026-01-05T21:00:00Z"), CoolDowns.until(MONDAY_10_NY, Duration.ZERO), "16:00 EST");
        assertEquals(Instant.parse("2026-07-06T20:00:00Z"),
                CoolDowns.until(Instant.parse("2026-07-06T14:00:00Z"), Duration.ZERO), "16:00 EDT in summer");
        assertEquals(Instant.parse("2026-01-06T21:00:00Z"),
                CoolDowns.until(Instant.parse("2026-01-05T21:00:00Z"), Duration.ZERO), "at the close: the next day's");
        assertEquals(Instant.parse("2026-01-05T21:00:00Z"),
                CoolDowns.until(Instant.parse("2026-01-05T04:00:00Z"), Duration.ZERO), "before dawn in New York");
        assertEquals(Instant.parse("2026-01-12T21:00:00Z"),
                CoolDowns.until(Instant.parse("2026-01-09T22:00:00Z"), Duration.ZERO), "Friday after the close");
        assertEquals(Instant.parse("2026-01-12T21:00:00Z"),
                CoolDowns.until(Instant.parse("2026-01-10T15:00:00Z"), Duration.ZERO), "Saturday");
    }

    @Test
    void aLengthInMinutesIsJustThat() {
        assertEquals(MONDAY_10_NY.plusSeconds(90 * 60), CoolDowns.until(MONDAY_10_NY, Duration.ofMinutes(90)));
        assertEquals(MONDAY_10_NY.plus(Duration.ofDays(7)), CoolDowns.until(MONDAY_10_NY, Duration.ofMinutes(10_080)));
    }

    @Test
    void aMoveOfMoreThanHalfTheRiskIsMaterial() {
        CoolDown c = coolDown(100, 98); // risk 2 per share: a move of more than 1 is material
        assertFalse(CoolDowns.changedMaterially(setup("breakout", Direction.LONG, 100, 98), c));
        assertFalse(CoolDowns.changedMaterially(setup("breakout", Direction.LONG, 101, 98.5), c));
        assertFalse(CoolDowns.changedMaterially(setup("breakout", Direction.LONG, 99, 97), c), "exactly half");
        assertTrue(CoolDowns.changedMaterially(setup("breakout", Direction.LONG, 101.01, 98), c), "the entry");
        assertTrue(CoolDowns.changedMaterially(setup("breakout", Direction.LONG, 100, 96.9), c), "the stop");
    }

    @Test
    void onlyTheSameSymbolDirectionAndSetupTypeAreHeldBack() {
        List<CoolDown> active = List.of(coolDown(100, 98));
        Optional<String> why = CoolDowns.suppression(setup("breakout", Direction.LONG, 100.2, 98.1), active);
        assertEquals(Optional.of("suppressed: rejected at 2026-01-05T15:00:00Z (proposal prp-000000000001);"
                + " cooling down until 2026-01-05T21:00:00Z unless the setup changes materially"), why);
        assertEquals(Optional.empty(), CoolDowns.suppression(setup("pullback_buy", Direction.LONG, 100, 98), active));
        assertEquals(Optional.empty(), CoolDowns.suppression(setup("breakout", Direction.SHORT, 100, 102), active));
        assertEquals(Optional.empty(), CoolDowns.suppression(new Setup("MSFT", "breakout", Direction.LONG, List.of(),
                0.5, 0.5, 100, 98, 104), active));
        assertEquals(Optional.empty(), CoolDowns.suppression(setup("breakout", Direction.LONG, 104, 102), active));
    }

    @Test
    void aCoolDownStartsAtTheRejectionAndSurvivesInTheJournal() {
        CoolDowns coolDowns = new CoolDowns(journal, clock, Duration.ZERO);
        Proposal rejected = rejectedAt(MONDAY_10_NY.plusSeconds(30));
        clock.advance(Duration.ofMinutes(5)); // the time that counts is the rejection's, not the clock's
        coolDowns.start(rejected, CoolDown.Cause.REJECTED);
        CoolDown expected = new CoolDown("AAPL", Direction.LONG, "breakout", CoolDown.Cause.REJECTED,
                rejected.proposalId(), MONDAY_10_NY.plusSeconds(30), Instant.parse("2026-01-05T21:00:00Z"), 100, 98);
        assertEquals(List.of(expected), new CoolDowns(journal, clock, Duration.ofMinutes(1)).active());
        clock.advance(Duration.ofHours(6));
        assertEquals(List.of(), coolDowns.active(), "over at the close");
    }

    @Test
    void aJournalThatCannotSaveTheCoolDownDoesNotUndoTheRejection() {
        CoolDowns coolDowns = new CoolDowns(journal, clock, Duration.ZERO);
        journal.failWrites(true);
        coolDowns.start(rejectedAt(MONDAY_10_NY), CoolDown.Cause.REJECTED);
        journal.failWrites(false);
        assertEquals(List.of(), coolDowns.active());
    }

    private static Setup setup(String type, Direction direction, double entry, double stop) {
        return new Setup("AAPL", type, direction, List.of(), 0.8, 0.7, entry, stop, entry + 2 * (entry - stop));
    }

    private static CoolDown coolDown(double entry, double stop) {
        return new CoolDown("AAPL", Direction.LONG, "breakout", CoolDown.Cause.REJECTED, "prp-000000000001",
                MONDAY_10_NY, CoolDowns.until(MONDAY_10_NY, Duration.ZERO), entry, stop);
    }

    private static Proposal rejectedAt(Instant t) {
        return new Proposal("prp-000000000001", "AAPL", Direction.LONG, "breakout", 0.8, 0.7, 100, 98, 104, 10, "t",
                List.of(), MONDAY_10_NY, MONDAY_10_NY.plusSeconds(1800), ProposalStatus.PENDING,
                List.of(new StatusChange(MONDAY_10_NY, Optional.empty(), ProposalStatus.PENDING, "proposed")))
                .withStatus(ProposalStatus.REJECTED, t, "rejected by the user");
    }
}
