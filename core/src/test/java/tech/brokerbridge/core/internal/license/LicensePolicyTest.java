package tech.brokerbridge.core.internal.license;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ports.journal.LicenseRecord;
import tech.brokerbridge.ports.license.LicenseState;
import tech.brokerbridge.ports.license.LicenseStatus;

class LicensePolicyTest {
    static final Instant FIRST = Instant.parse("2026-01-01T10:00:00Z");
    static final Instant CHECKED = Instant.parse("2026-01-20T12:00:00Z");
    static final Instant PERIOD_END = Instant.parse("2026-02-01T00:00:00Z");
    static final String ME = "inst-me";
    final LicensePolicy policy = new LicensePolicy(Duration.ofDays(14), Duration.ofHours(72));

    static LicenseEvidence.Subscription answered(String status, Optional<String> bound) {
        return new LicenseEvidence.Subscription(FIRST,
                Optional.of(new LicenseRecord.Found(CHECKED, status, bound, Optional.of(PERIOD_END))),
                Optional.empty());
    }

    static LicenseEvidence.Subscription offline(LicenseEvidence.Subscription s, Instant since, Instant last) {
        return new LicenseEvidence.Subscription(s.firstStart(), s.answer(),
                Optional.of(new LicenseRecord.Outage(since, last, "could not connect to Stripe")));
    }

    LicenseState decide(LicenseEvidence e, Instant now) {
        return policy.decide(e, now, ME);
    }

    @Test
    void evaluationIsValidForFourteenDaysPaperOnly() {
        LicenseState s = policy.decide(new LicenseEvidence.Evaluation(FIRST), FIRST.plus(Duration.ofDays(3)), "inst-1");
        assertEquals(LicenseStatus.EVALUATION, s.status());
        assertTrue(s.valid());
        assertFalse(s.liveTradingAllowed());
        assertEquals("paper", s.mode());
        assertEquals(Optional.of(Instant.parse("2026-01-15T10:00:00Z")), s.expiresAt());
        assertEquals(Optional.empty(), s.lastCheckedAt());
        assertEquals("inst-1", s.installationId());
        assertTrue(s.reason().contains("11 days left"), s.reason());
    }

    @Test
    void onTheFirstDayTheWholeEvaluationIsLeftAndOneDayIsOneDay() {
        LicenseEvidence e = new LicenseEvidence.Evaluation(FIRST);
        assertTrue(decide(e, FIRST.plusSeconds(1)).reason().contains("; 14 days left (ends on 2026-01-15)"),
                decide(e, FIRST.plusSeconds(1)).reason());
        assertTrue(decide(e, FIRST.plus(Duration.ofDays(13))).reason().contains("; 1 day left"),
                decide(e, FIRST.plus(Duration.ofDays(13))).reason());
        assertTrue(decide(e, FIRST.plus(Duration.ofDays(13)).plusSeconds(1)).reason().contains("less than a day left"));
    }

    @Test
    void theSummarySaysTheStatusOnce() {
        LicenseState s = decide(new LicenseEvidence.Evaluation(FIRST), FIRST.plusSeconds(1));
        assertTrue(s.summary().startsWith("evaluation: paper trading only; 14 days left"), s.summary());
        LicenseState over = decide(new LicenseEvidence.Evaluation(FIRST), FIRST.plus(Duration.ofDays(15)));
        assertTrue(over.summary().startsWith("invalid: the 14-day evaluation ended"), over.summary());
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
        assertEquals("none", s.mode());
        assertEquals("the 14-day evaluation ended on 2026-01-15 \u2014 activate a license key "
                + "(POST /api/license/activate)", s.reason());
    }

    @Test
    void activeAndBoundHereIsLicensedForLiveTrading() {
        LicenseState s = decide(answered("active", Optional.of(ME)), CHECKED.plus(Duration.ofHours(1)));
        assertEquals(LicenseStatus.LICENSED, s.status());
        assertTrue(s.liveTradingAllowed());
        assertEquals("live", s.mode());
        assertEquals(Optional.of(PERIOD_END), s.expiresAt());
        assertEquals(Optional.empty(), s.graceUntil());
        assertEquals(Optional.of(CHECKED), s.lastCheckedAt());
        assertEquals("licensed: subscription active (current period ends on 2026-02-01)", s.reason());
    }

    @Test
    void trialingIsLicensed() {
        LicenseState s = decide(answered("trialing", Optional.of(ME)), CHECKED);
        assertEquals(LicenseStatus.LICENSED, s.status());
        assertTrue(s.reason().startsWith("licensed: trial subscription"), s.reason());
    }

    @Test
    void pastDueIsLicensedWithAWarning() {
        LicenseState s = decide(answered("past_due", Optional.of(ME)), CHECKED);
        assertEquals(LicenseStatus.LICENSED, s.status());
        assertTrue(s.liveTradingAllowed());
        assertTrue(s.reason().contains("warning: the last payment failed (past_due)"), s.reason());
        assertTrue(s.reason().contains("update the payment method"), s.reason());
    }

    @Test
    void everyUnpaidStatusIsInvalidWithWhatToDo() {
        List<List<String>> cases = List.of(
                List.of("canceled", "subscribe again and activate the new license key"),
                List.of("unpaid", "pay the open invoice"),
                List.of("incomplete", "complete it, then refresh (POST /api/admin/license/refresh)"),
                List.of("incomplete_expired", "subscribe again"),
                List.of("paused", "resume it in Stripe"),
                List.of("exotic_new_status", "does not know ('exotic_new_status')"));
        for (List<String> c : cases) {
            LicenseState s = decide(answered(c.get(0), Optional.of(ME)), CHECKED);
            assertEquals(LicenseStatus.INVALID, s.status(), c.get(0));
            assertFalse(s.liveTradingAllowed(), c.get(0));
            assertTrue(s.reason().contains(c.get(1)), s.reason());
        }
    }

    @Test
    void anUnknownStatusWordIsShownPlainAndShort() {
        LicenseState s = decide(answered("<script>" + "x".repeat(100), Optional.of(ME)), CHECKED);
        assertEquals(LicenseStatus.INVALID, s.status());
        assertFalse(s.reason().contains("<script>"), s.reason());
        assertTrue(s.reason().length() < 200, s.reason());
    }

    @Test
    void boundToAnotherInstallationIsInvalidWithTheExactReason() {
        LicenseState s = decide(answered("active", Optional.of("inst-other")), CHECKED);
        assertEquals(LicenseStatus.INVALID, s.status());
        assertEquals("this license is now active on another installation \u2014 activate it here to move it back",
                s.reason());
    }

    @Test
    void boundNowhereIsInvalidAndSaysActivateHere() {
        LicenseState s = decide(answered("active", Optional.empty()), CHECKED);
        assertEquals(LicenseStatus.INVALID, s.status());
        assertTrue(s.reason().contains("not bound to any installation"), s.reason());
        assertTrue(s.reason().contains("POST /api/license/activate"), s.reason());
    }

    @Test
    void unknownSubscriptionAndRefusedKeyAreInvalid() {
        LicenseState nf = decide(new LicenseEvidence.Subscription(FIRST,
                Optional.of(new LicenseRecord.NotFound(CHECKED)), Optional.empty()), CHECKED);
        assertEquals(LicenseStatus.INVALID, nf.status());
        assertTrue(nf.reason().contains("no such subscription"), nf.reason());
        LicenseState kr = decide(new LicenseEvidence.Subscription(FIRST,
                Optional.of(new LicenseRecord.KeyRefused(CHECKED)), Optional.empty()), CHECKED);
        assertEquals(LicenseStatus.INVALID, kr.status());
        assertTrue(kr.reason().contains("refused the saved API key"), kr.reason());
    }

    @Test
    void unreachableHonoursTheLastLicensedAnswerFor72HoursAfterItWasObtained() {
        Instant since = CHECKED.plus(Duration.ofHours(10));
        LicenseEvidence.Subscription e = offline(answered("active", Optional.of(ME)), since, since.plusSeconds(60));
        Instant graceEnd = CHECKED.plus(Duration.ofHours(72));

        LicenseState g = decide(e, graceEnd.minusSeconds(1));
        assertEquals(LicenseStatus.GRACE, g.status());
        assertTrue(g.valid());
        assertTrue(g.liveTradingAllowed());
        assertEquals(Optional.of(graceEnd), g.graceUntil());
        assertEquals(Optional.of(since.plusSeconds(60)), g.lastCheckedAt());
        assertTrue(g.reason().contains("could not connect to Stripe"), g.reason());
        assertTrue(g.reason().contains("honoured until 2026-01-23 12:00 UTC"), g.reason());

        LicenseState over = decide(e, graceEnd);
        assertEquals(LicenseStatus.INVALID, over.status());
        assertFalse(over.liveTradingAllowed());
        assertTrue(over.reason().contains("72-hour grace ended at 2026-01-23 12:00 UTC"), over.reason());
        assertTrue(over.reason().contains("POST /api/admin/license/refresh"), over.reason());
    }

    @Test
    void graceKeepsThePastDueWarning() {
        LicenseEvidence.Subscription e = offline(answered("past_due", Optional.of(ME)), CHECKED, CHECKED);
        LicenseState g = decide(e, CHECKED.plusSeconds(1));
        assertEquals(LicenseStatus.GRACE, g.status());
        assertTrue(g.reason().contains("past_due"), g.reason());
    }

    @Test
    void aLicensedAnswerOlderThanTheGraceIsInvalidEvenWithoutAFailedCheck() {
        LicenseState s = decide(answered("active", Optional.of(ME)), CHECKED.plus(Duration.ofHours(72)));
        assertEquals(LicenseStatus.INVALID, s.status());
        assertTrue(s.reason().contains("last confirmed by Stripe at 2026-01-20 12:00 UTC"), s.reason());
    }

    @Test
    void unreachableAfterADefinitiveRefusalGivesNoGrace() {
        LicenseEvidence.Subscription e = offline(answered("canceled", Optional.of(ME)), CHECKED, CHECKED);
        assertEquals(LicenseStatus.INVALID, decide(e, CHECKED.plusSeconds(1)).status());
    }

    @Test
    void aSavedKeyStripeNeverAnsweredLeavesTheEvaluationRunning() {
        Instant now = FIRST.plus(Duration.ofDays(2));
        LicenseEvidence.Subscription never = new LicenseEvidence.Subscription(FIRST, Optional.empty(),
                Optional.of(new LicenseRecord.Outage(now, now, "could not connect to Stripe")));
        LicenseState s = decide(never, now);
        assertEquals(LicenseStatus.EVALUATION, s.status());
        assertFalse(s.liveTradingAllowed());
        assertTrue(s.reason().startsWith("the saved license key could not be checked with Stripe yet "
                + "(could not connect to Stripe); evaluation"), s.reason());
        assertEquals(Optional.of(now), s.lastCheckedAt());
        assertEquals(LicenseStatus.INVALID, decide(never, FIRST.plus(Duration.ofDays(14))).status());
    }

    @Test
    void liveTradingOnlyWhenLicensedOrInGrace() {
        Instant now = CHECKED.plusSeconds(1);
        List<LicenseState> states = List.of(decide(new LicenseEvidence.Evaluation(FIRST), FIRST),
                decide(answered("active", Optional.of(ME)), now),
                decide(offline(answered("active", Optional.of(ME)), now, now), now),
                decide(answered("canceled", Optional.of(ME)), now));
        for (LicenseState s : states) {
            boolean paid = s.status() == LicenseStatus.LICENSED || s.status() == LicenseStatus.GRACE;
            assertEquals(paid, s.liveTradingAllowed(), s.toString());
        }
        assertEquals(List.of(LicenseStatus.EVALUATION, LicenseStatus.LICENSED, LicenseStatus.GRACE,
                LicenseStatus.INVALID), states.stream().map(LicenseState::status).toList());
    }
}
