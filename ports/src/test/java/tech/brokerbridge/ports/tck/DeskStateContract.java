package tech.brokerbridge.ports.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static tech.brokerbridge.ports.tck.JournalSamples.T0;
import static tech.brokerbridge.ports.tck.JournalSamples.id;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ports.journal.CoolDown;
import tech.brokerbridge.ports.journal.DeskState;
import tech.brokerbridge.ports.journal.KillSwitchState;
import tech.brokerbridge.ports.journal.KillSwitchState.EngagedBy;
import tech.brokerbridge.ports.journal.LicenseRecord;
import tech.brokerbridge.ports.market.Direction;

/**
 * The contract every {@link DeskState} passes (TCK): each record comes back exactly as saved
 * (instants to the nanosecond, text with any characters), a save replaces the previous record, a
 * cool-down replaces the one of the same symbol, direction and setup type, and a cool-down is active
 * strictly before its end.
 */
public abstract class DeskStateContract<J extends DeskState> extends JournalRoleContract<J> {
    protected DeskStateContract(Supplier<? extends J> open, UnaryOperator<J> reopen) {
        super(open, reopen);
    }

    private static final Instant NANOS = Instant.parse("2026-03-02T14:30:00.000000001Z");

    @Test
    public void aNewDeskStateHoldsNothing() {
        assertEquals(Optional.empty(), journal.killSwitch());
        assertEquals(Optional.empty(), journal.license());
        assertEquals(List.of(), journal.activeCoolDowns(T0));
    }

    @Test
    public void theKillSwitchIsReplacedAndComesBackExactly() {
        KillSwitchState byUser = new KillSwitchState.Engaged(NANOS, EngagedBy.USER, "market is crazy ✓; 'quotes'");
        journal.saveKillSwitch(byUser);
        assertEquals(Optional.of(byUser), journal.killSwitch());
        KillSwitchState released = new KillSwitchState.Released(NANOS.plusSeconds(60));
        journal.saveKillSwitch(released);
        assertEquals(Optional.of(released), journal.killSwitch());
        KillSwitchState byLimit = new KillSwitchState.Engaged(NANOS.plusSeconds(120), EngagedBy.DAILY_LOSS_LIMIT,
                "daily loss limit reached: today's P&L -2.1% is at or below -2%");
        journal.saveKillSwitch(byLimit);
        assertEquals(Optional.of(byLimit), journal.killSwitch());
    }

    @Test
    public void everyLicenseAnswerAndAnOutageComeBackExactly() {
        List<LicenseRecord.Answer> answers = List.of(
                new LicenseRecord.Found(NANOS, "past_due", Optional.of("inst;=&x ✓"),
                        Optional.of(NANOS.plusSeconds(9))),
                new LicenseRecord.Found(NANOS, "active", Optional.empty(), Optional.empty()),
                new LicenseRecord.NotFound(NANOS), new LicenseRecord.KeyRefused(NANOS.plusNanos(5)));
        LicenseRecord.Outage outage = new LicenseRecord.Outage(NANOS, NANOS.plusSeconds(60),
                "could not connect; reason=with \u00e9 & signs");
        for (LicenseRecord.Answer a : answers) {
            LicenseRecord withOutage = new LicenseRecord(T0, Optional.of(a), Optional.of(outage));
            journal.saveLicense(withOutage);
            assertEquals(Optional.of(withOutage), journal.license());
            LicenseRecord withoutOutage = new LicenseRecord(T0, Optional.of(a), Optional.empty());
            journal.saveLicense(withoutOutage);
            assertEquals(Optional.of(withoutOutage), journal.license());
        }
        LicenseRecord outageOnly = new LicenseRecord(NANOS, Optional.empty(), Optional.of(outage));
        journal.saveLicense(outageOnly);
        assertEquals(Optional.of(outageOnly), journal.license());
        journal.saveLicense(LicenseRecord.firstStartedAt(T0));
        assertEquals(Optional.of(LicenseRecord.firstStartedAt(T0)), journal.license());
    }

    @Test
    public void aCoolDownIsActiveStrictlyBeforeItsEnd() {
        CoolDown c = coolDown("AAPL", Direction.LONG, "breakout", CoolDown.Cause.REJECTED, T0, Duration.ofHours(1));
        journal.startCoolDown(c);
        assertEquals(List.of(c), journal.activeCoolDowns(T0));
        assertEquals(List.of(c), journal.activeCoolDowns(c.until().minusNanos(1)));
        assertEquals(List.of(), journal.activeCoolDowns(c.until()));
        assertEquals(List.of(), journal.activeCoolDowns(c.until().plusSeconds(3600)));
    }

    @Test
    public void aCoolDownReplacesOnlyTheOneOfTheSameSymbolDirectionAndSetupType() {
        CoolDown first = coolDown("AAPL", Direction.LONG, "breakout", CoolDown.Cause.EXPIRED, T0, Duration.ofHours(2));
        CoolDown otherDirection = coolDown("AAPL", Direction.SHORT, "breakout", CoolDown.Cause.REJECTED,
                T0.plusSeconds(1), Duration.ofHours(2));
        CoolDown otherSetup = coolDown("AAPL", Direction.LONG, "pullback", CoolDown.Cause.REJECTED, T0.plusSeconds(2),
                Duration.ofHours(2));
        CoolDown otherSymbol = coolDown("MSFT", Direction.LONG, "breakout", CoolDown.Cause.REJECTED, T0.plusSeconds(3),
                Duration.ofHours(2));
        for (CoolDown c : List.of(otherSymbol, first, otherSetup, otherDirection)) {
            journal.startCoolDown(c);
        }
        assertEquals(List.of(first, otherDirection, otherSetup, otherSymbol), journal.activeCoolDowns(T0),
                "oldest start first");
        CoolDown again = new CoolDown("AAPL", Direction.LONG, "breakout", CoolDown.Cause.REJECTED, id(9),
                T0.plusSeconds(10), T0.plusSeconds(20), 0.1 + 0.2, -0.0);
        journal.startCoolDown(again);
        assertEquals(List.of(otherDirection, otherSetup, otherSymbol, again), journal.activeCoolDowns(T0));
        assertEquals(List.of(otherDirection, otherSetup, otherSymbol), journal.activeCoolDowns(T0.plusSeconds(20)));
    }

    /** After a reopen when the state supports it; otherwise it reads back from the same object. */
    @Test
    public void everythingWrittenIsReadBackAfterAReopen() {
        KillSwitchState engaged = new KillSwitchState.Engaged(NANOS, EngagedBy.USER, "stop");
        journal.saveKillSwitch(engaged);
        LicenseRecord license = new LicenseRecord(T0, Optional.of(new LicenseRecord.Found(NANOS, "active",
                Optional.of("inst-1"), Optional.of(T0.plusSeconds(86_400)))), Optional.empty());
        journal.saveLicense(license);
        CoolDown c = coolDown("NVDA", Direction.SHORT, "breakdown", CoolDown.Cause.EXPIRED, NANOS, Duration.ofDays(1));
        journal.startCoolDown(c);

        reopenIfDurable();

        assertEquals(Optional.of(engaged), journal.killSwitch());
        assertEquals(Optional.of(license), journal.license());
        assertEquals(List.of(c), journal.activeCoolDowns(NANOS));
    }

    public static CoolDown coolDown(String symbol, Direction direction, String setupType, CoolDown.Cause cause,
            Instant at, Duration length) {
        return new CoolDown(symbol, direction, setupType, cause, id(symbol.length()), at, at.plus(length), 101.25,
                98.5);
    }
}
