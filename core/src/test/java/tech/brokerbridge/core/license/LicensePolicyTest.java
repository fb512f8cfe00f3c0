package tech.brokerbridge.core.license;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.core.support.MemoryJournal;
import tech.brokerbridge.core.support.MutableClock;
import tech.brokerbridge.ports.license.LicenseState;
import tech.brokerbridge.ports.license.LicenseStatus;

class LicensePolicyTest {
    static final Instant FIRST = Instant.parse("2026-01-01T10:00:00Z");
    final LicensePolicy policy = new LicensePolicy(Duration.ofDays(14));

    @Test
    void evaluationIsValidForFourteenDaysPaperOnly() {
        LicenseState s = policy.decide(new LicenseEvidence.Evaluation(FIRST), FIRST.plus(Duration.ofDays(3)), "inst-1");
        assertEquals(LicenseStatus.EVALUATION, s.status());
        assertTrue(s.valid());
        assertFalse(s.liveTradingAllowed());
        assertEquals(Optional.of(Instant.parse("2026-01-15T10:00:00Z")), s.expiresAt());
        assertEquals("inst-1", s.installationId());
        assertTrue(s.reason().contains("11 days left"), s.reason());
    }

    @Test
    void oneSecondBeforeTheEndItIsStillValid() {
        Instant end = FIRST.plus(Duration.ofDays(14));
        assertEquals(LicenseStatus.EVALUATION,
                policy.decide(new LicenseEvidence.Evaluation(FIRST), end.minusSeconds(1), "i").status());
    }

    @Test
    void atTheEndItIsInvalidAndSaysHowToFixIt() {
        Instant end = FIRST.plus(Duration.ofDays(14));
        LicenseState s = policy.decide(new LicenseEvidence.Evaluation(FIRST), end, "i");
        assertEquals(LicenseStatus.INVALID, s.status());
        assertFalse(s.valid());
        assertEquals("the 14-day evaluation ended on 2026-01-15 \u2014 activate a license key "
                + "(POST /api/license/activate)", s.reason());
    }

    @Test
    void keeperRecordsTheFirstStartOnceAndNeverRestartsTheEvaluation() {
        MemoryJournal journal = new MemoryJournal();
        MutableClock clock = new MutableClock(FIRST);
        LicenseKeeper keeper = new LicenseKeeper(journal, () -> "inst-9", policy, clock);
        assertEquals(LicenseStatus.INVALID, keeper.current().status(), "not started yet");
        keeper.start();
        assertEquals(LicenseStatus.EVALUATION, keeper.current().status());
        assertEquals(Optional.of(FIRST.toString()), journal.setting("license.first_start"));

        clock.advance(Duration.ofDays(15));
        LicenseKeeper afterRestart = new LicenseKeeper(journal, () -> "inst-9", policy, clock);
        afterRestart.start();
        assertEquals(LicenseStatus.INVALID, afterRestart.current().status());
        assertEquals(Optional.of(FIRST.toString()), journal.setting("license.first_start"));
    }

    @Test
    void refreshRecomputesFromTheClockWithoutIo() {
        MemoryJournal journal = new MemoryJournal();
        MutableClock clock = new MutableClock(FIRST);
        LicenseKeeper keeper = new LicenseKeeper(journal, () -> "inst-9", policy, clock);
        keeper.start();
        int writes = journal.writes().size();
        clock.advance(Duration.ofDays(14));
        assertEquals(LicenseStatus.EVALUATION, keeper.current().status(), "cached until refreshed");
        journal.failWrites(true);
        keeper.refresh();
        assertEquals(LicenseStatus.INVALID, keeper.current().status());
        assertEquals(writes, journal.writes().size());
    }

    @Test
    void aDamagedFirstStartDoesNotRestartTheEvaluation() {
        MemoryJournal journal = new MemoryJournal();
        journal.putSetting("license.first_start", "garbage");
        LicenseKeeper keeper = new LicenseKeeper(journal, () -> "i", policy, new MutableClock(FIRST));
        keeper.start();
        assertEquals(LicenseStatus.INVALID, keeper.current().status());
    }
}
