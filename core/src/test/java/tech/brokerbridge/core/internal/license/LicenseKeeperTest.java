package tech.brokerbridge.core.internal.license;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.core.support.MutableClock;
import tech.brokerbridge.ports.Secret;
import tech.brokerbridge.ports.desk.ActivationResult;
import tech.brokerbridge.ports.fakes.FakeLicenseService;
import tech.brokerbridge.ports.journal.LicenseRecord;
import tech.brokerbridge.ports.license.LicenseService;
import tech.brokerbridge.ports.license.LicenseState;
import tech.brokerbridge.ports.license.LicenseStatus;
import tech.brokerbridge.ports.license.SubscriptionCheck;
import tech.brokerbridge.ports.secrets.SecretStoreException;

class LicenseKeeperTest {
    static final Instant T0 = Instant.parse("2026-01-05T15:00:00Z");
    static final Instant PERIOD_END = Instant.parse("2026-02-05T15:00:00Z");
    final MutableClock clock = new MutableClock(T0);
    final FakeLicenseService stripe = new FakeLicenseService().acceptKey(Machine.KEY)
            .addSubscription(Machine.SUB, "active", PERIOD_END);
    final Machine here = new Machine("inst-here", stripe, clock);

    private Machine licensed() {
        here.start().settle();
        assertInstanceOf(ActivationResult.Activated.class, here.activate());
        return here;
    }

    @Test
    void aFreshDeskIsInEvaluationAndAsksNobody() {
        here.start();
        assertEquals(LicenseStatus.EVALUATION, here.state().status());
        assertEquals(Optional.of(T0), here.journal.license().map(LicenseRecord::firstStart));
        assertEquals(0, here.vault.reads(), "the vault is read in the background, not on start");
        assertEquals(1, here.background.pending());
        here.settle();
        assertEquals(LicenseStatus.EVALUATION, here.state().status());
        assertEquals(0, stripe.calls(), "no key: nothing to ask Stripe");
        assertEquals("inst-here", here.state().installationId());
    }

    @Test
    void theEvaluationRunsOutAtTheNextUpkeep() {
        here.start().settle();
        clock.advance(Duration.ofDays(14));
        assertEquals(LicenseStatus.EVALUATION, here.state().status(), "held until recomputed");
        here.keeper.maintain();
        assertEquals(LicenseStatus.INVALID, here.state().status());
        assertTrue(here.state().reason().contains("14-day evaluation ended"), here.state().reason());
    }

    @Test
    void activationBindsSavesBothKeysAndLicenses() {
        here.start().settle();
        ActivationResult r = here.activate();
        LicenseState s = assertInstanceOf(ActivationResult.Activated.class, r).state();
        assertEquals(LicenseStatus.LICENSED, s.status());
        assertTrue(s.liveTradingAllowed());
        assertEquals(Optional.of(PERIOD_END), s.expiresAt());
        assertEquals(Optional.of(T0), s.lastCheckedAt());
        assertSame(s, here.state());
        assertEquals(Optional.of("inst-here"), stripe.boundTo(Machine.SUB));
        assertEquals(Optional.of(Secret.of(Machine.SUB)), here.vault.get("stripe.license_key"));
        assertEquals(Optional.of(Secret.of(Machine.KEY)), here.vault.get("stripe.api_key"));
        assertEquals(1, stripe.binds());
        assertEquals(0, stripe.checks());
        LicenseRecord.Answer answer = here.journal.license().flatMap(LicenseRecord::answer).orElseThrow();
        assertEquals("active", assertInstanceOf(LicenseRecord.Found.class, answer).status());
        String kept = here.journal.license().orElseThrow().toString();
        assertFalse(kept.contains(Machine.SUB) || kept.contains(Machine.KEY), "no key in the journal: " + kept);
    }

    @Test
    void activationTrimsWhatAPasteBrings() {
        here.start().settle();
        ActivationResult r = here.keeper.activate(Secret.of("  " + Machine.SUB + "\n"), Secret.of(Machine.KEY + " "));
        assertInstanceOf(ActivationResult.Activated.class, r);
        assertEquals(Optional.of(Secret.of(Machine.SUB)), here.vault.get("stripe.license_key"));
    }

    @Test
    void malformedKeysAreRefusedWithoutAskingStripe() {
        here.start().settle();
        List<Secret[]> bad = List.of(new Secret[] {Secret.of(""), Secret.of(Machine.KEY)},
                new Secret[] {Secret.of("cus_123"), Secret.of(Machine.KEY)},
                new Secret[] {Secret.of(Machine.SUB), Secret.of("")},
                new Secret[] {Secret.of(Machine.SUB), Secret.of("pk_live_publishable")});
        for (Secret[] keys : bad) {
            ActivationResult.Refused r = assertInstanceOf(ActivationResult.Refused.class,
                    here.keeper.activate(keys[0], keys[1]));
            assertEquals(ActivationResult.Cause.INVALID_INPUT, r.cause());
            assertEquals("invalid_input", r.cause().code());
        }
        assertEquals(0, stripe.calls());
        assertTrue(here.vault.list().isEmpty());
    }

    @Test
    void refusedActivationsSaveNothingAndLeaveTheStateAlone() {
        here.start().settle();
        LicenseState before = here.state();
        stripe.addSubscription("sub_Canceled1", "canceled", PERIOD_END);
        record Case(String sub, String key, boolean online, ActivationResult.Cause cause, String says) {
        }
        List<Case> cases = List.of(
                new Case("sub_Unknown1", Machine.KEY, true, ActivationResult.Cause.UNKNOWN_SUBSCRIPTION,
                        "no such subscription"),
                new Case(Machine.SUB, "rk_test_revoked", true, ActivationResult.Cause.KEY_REFUSED, "refused"),
                new Case("sub_Canceled1", Machine.KEY, true, ActivationResult.Cause.SUBSCRIPTION_INACTIVE,
                        "canceled"),
                new Case(Machine.SUB, Machine.KEY, false, ActivationResult.Cause.UNREACHABLE, "could not be reached"));
        for (Case c : cases) {
            stripe.online(c.online());
            ActivationResult.Refused r = assertInstanceOf(ActivationResult.Refused.class,
                    here.keeper.activate(Secret.of(c.sub()), Secret.of(c.key())));
            assertEquals(c.cause(), r.cause(), c.toString());
            assertTrue(r.reason().contains(c.says()) && r.reason().endsWith("nothing was saved"), r.reason());
            assertFalse(r.reason().contains(c.sub()) || r.reason().contains(c.key()), r.reason());
            assertSame(before, r.state());
            assertSame(before, here.state());
        }
        assertTrue(here.vault.list().isEmpty(), "nothing saved");
        assertEquals(Optional.empty(), here.journal.license().flatMap(LicenseRecord::answer));
    }

    @Test
    void aVaultThatCannotSaveLeavesNeitherKeyNorState() {
        here.start().settle();
        here.vault.failPutOf("stripe.api_key");
        assertThrows(SecretStoreException.class, here::activate);
        assertEquals(LicenseStatus.EVALUATION, here.state().status());
        assertTrue(here.vault.list().isEmpty(), "the license key saved first was taken back");
    }

    @Test
    void checksRunEverySixHoursInTheBackgroundAndNeverRebind() {
        licensed();
        // the early check after the activation
        clock.advance(LicenseKeeper.EARLY_RECHECK);
        here.keeper.maintain();
        here.settle();
        assertEquals(1, stripe.checks());
        clock.advance(Duration.ofHours(6).minusMinutes(1));
        here.keeper.maintain();
        assertEquals(0, here.background.pending(), "not due yet");
        clock.advance(Duration.ofMinutes(1));
        here.keeper.maintain();
        here.keeper.maintain();
        assertEquals(1, here.background.pending(), "due: one check queued, not two");
        assertEquals(1, stripe.checks(), "queued, not run on the upkeep thread");
        here.settle();
        assertEquals(2, stripe.checks());
        assertEquals(1, stripe.binds(), "the activation's bind only");
        assertEquals(Optional.of(clock.instant()), here.state().lastCheckedAt());
    }

    @Test
    void tenThousandReadsCostNoProviderCall() {
        licensed();
        int calls = stripe.calls();
        for (int i = 0; i < 10_000; i++) {
            assertEquals(LicenseStatus.LICENSED, here.keeper.current().status());
        }
        assertEquals(calls, stripe.calls());
        assertEquals(0, here.background.pending());
    }

    @Test
    void pastDueStaysLicensedWithAWarning() {
        licensed();
        stripe.setStatus(Machine.SUB, "past_due");
        LicenseState s = here.keeper.check();
        assertEquals(LicenseStatus.LICENSED, s.status());
        assertTrue(s.reason().contains("warning"), s.reason());
    }

    @Test
    void cancellingTurnsInvalidAtTheNextCheckAndPayingAgainComesBack() {
        licensed();
        stripe.setStatus(Machine.SUB, "canceled");
        assertEquals(LicenseStatus.LICENSED, here.state().status(), "nothing changes until Stripe is asked");
        LicenseState s = here.keeper.check();
        assertEquals(LicenseStatus.INVALID, s.status());
        assertTrue(s.reason().startsWith("the subscription was canceled"), s.reason());
        for (String status : List.of("unpaid", "incomplete", "incomplete_expired", "paused", "brand_new_word")) {
            stripe.setStatus(Machine.SUB, status);
            assertEquals(LicenseStatus.INVALID, here.keeper.check().status(), status);
        }
        stripe.setStatus(Machine.SUB, "active");
        assertEquals(LicenseStatus.LICENSED, here.keeper.check().status());
    }

    @Test
    void aPulledNetworkGivesGraceUntil72HoursAfterTheLastLicensedAnswer() {
        licensed();
        Instant licensedAt = clock.instant();
        clock.advance(Duration.ofHours(10));
        stripe.online(false);
        LicenseState g = here.keeper.check();
        assertEquals(LicenseStatus.GRACE, g.status());
        assertTrue(g.liveTradingAllowed());
        assertEquals(Optional.of(licensedAt.plus(Duration.ofHours(72))), g.graceUntil());
        assertEquals(Optional.of(clock.instant()), g.lastCheckedAt());

        for (int i = 0; i < 10; i++) { // the periodic checks go on failing
            clock.advance(Duration.ofHours(6));
            here.keeper.maintain();
            here.settle();
        }
        assertEquals(licensedAt.plus(Duration.ofHours(70)), clock.instant());
        assertEquals(LicenseStatus.GRACE, here.state().status());
        clock.advance(Duration.ofHours(2).minusSeconds(1));
        here.keeper.maintain();
        assertEquals(LicenseStatus.GRACE, here.state().status());
        clock.advance(Duration.ofSeconds(1));
        here.keeper.maintain();
        assertEquals(LicenseStatus.INVALID, here.state().status());
        assertTrue(here.state().reason().contains("grace ended"), here.state().reason());
        assertTrue(here.state().reason().contains("since 2026-01-06 01:00 UTC"), here.state().reason());

        stripe.online(true);
        assertEquals(LicenseStatus.LICENSED, here.keeper.check().status(), "back online: licensed at once");
        assertEquals(Optional.empty(), here.state().graceUntil());
    }

    @Test
    void aDeletedSubscriptionOrARevokedKeyIsInvalid() {
        licensed();
        stripe.revokeKey(Machine.KEY);
        LicenseState s = here.keeper.check();
        assertEquals(LicenseStatus.INVALID, s.status());
        assertTrue(s.reason().contains("refused the saved API key"), s.reason());
        stripe.acceptKey(Machine.KEY).remove(Machine.SUB);
        s = here.keeper.check();
        assertEquals(LicenseStatus.INVALID, s.status());
        assertTrue(s.reason().contains("no such subscription"), s.reason());
        stripe.online(false);
        assertEquals(LicenseStatus.INVALID, here.keeper.check().status(), "no grace after a definitive refusal");
    }

    /**
     * Issue 14.11: two installations activate at once and each sees its own write echoed (Stripe's
     * metadata is last-writer-wins). Within a minute of upkeep, exactly one is still licensed.
     */
    @Test
    void ofTwoActivationsAtOnceExactlyOneIsLicensedWithinAMinute() {
        Machine other = new Machine("inst-other", stripe, clock);
        here.start().settle();
        other.start().settle();
        assertInstanceOf(ActivationResult.Activated.class, here.activate());
        assertInstanceOf(ActivationResult.Activated.class, other.activate());
        assertEquals(LicenseStatus.LICENSED, here.state().status(), "both believe their echo at first");
        assertEquals(LicenseStatus.LICENSED, other.state().status());
        // the desk's upkeep runs every 30 s; a minute of it, on the test's clock
        for (int s = 0; s < 60; s += 30) {
            clock.advance(Duration.ofSeconds(30));
            here.keeper.maintain();
            other.keeper.maintain();
            here.settle();
            other.settle();
        }
        assertEquals(LicenseStatus.INVALID, here.state().status(), "the first writer lost");
        assertEquals(LicensePolicy.MOVED, here.state().reason());
        assertEquals(LicenseStatus.LICENSED, other.state().status(), "the last writer holds the license");
        assertEquals(2, stripe.binds(), "no re-bind: the early check only reads");
    }

    @Test
    void theBindingMovesBetweenTwoInstallationsAndBack() {
        Machine other = new Machine("inst-other", stripe, clock);
        licensed();
        other.start().settle();
        assertInstanceOf(ActivationResult.Activated.class, other.activate());
        assertEquals(LicenseStatus.LICENSED, other.state().status());
        assertEquals(LicenseStatus.LICENSED, here.state().status(), "until its next check");

        clock.advance(Duration.ofHours(6));
        here.keeper.maintain();
        here.settle();
        assertEquals(LicenseStatus.INVALID, here.state().status());
        assertEquals("this license is now active on another installation \u2014 activate it here to move it back",
                here.state().reason());
        assertFalse(here.state().liveTradingAllowed());

        assertInstanceOf(ActivationResult.Activated.class, here.activate());
        assertEquals(LicenseStatus.LICENSED, here.state().status());
        assertEquals(LicenseStatus.INVALID, other.keeper.check().status());
        assertEquals(LicensePolicy.MOVED, other.state().reason());
    }

    @Test
    void aRestartServesTheKeptStateAtOnceThenChecksInTheBackground() {
        licensed();
        clock.advance(Duration.ofHours(1));
        stripe.online(false);
        int calls = stripe.calls();
        here.restart();
        assertEquals(LicenseStatus.LICENSED, here.state().status(), "served from the journal");
        assertEquals(calls, stripe.calls(), "Stripe not asked on the starting thread");
        here.settle();
        assertEquals(calls + 1, stripe.calls());
        assertEquals(LicenseStatus.GRACE, here.state().status());

        here.restart();
        assertEquals(LicenseStatus.GRACE, here.state().status(), "the outage is kept too");
    }

    @Test
    void aRestartAfterALongStopIsInvalidUntilStripeConfirms() {
        licensed();
        clock.advance(Duration.ofHours(80));
        here.restart();
        assertEquals(LicenseStatus.INVALID, here.state().status());
        assertTrue(here.state().reason().contains("last confirmed by Stripe"), here.state().reason());
        here.settle();
        assertEquals(LicenseStatus.LICENSED, here.state().status());
    }

    @Test
    void keysRemovedFromTheVaultMeanBackToTheEvaluation() {
        licensed();
        here.vault.delete("stripe.api_key");
        assertEquals(LicenseStatus.EVALUATION, here.keeper.check().status());
        assertEquals(Optional.empty(), here.journal.license().flatMap(LicenseRecord::answer));
        here.restart();
        assertEquals(LicenseStatus.EVALUATION, here.state().status());
    }

    @Test
    void anUnreadableVaultCountsAsAnOutage() {
        licensed();
        here.vault.failReads(true);
        LicenseState s = here.keeper.check();
        assertEquals(LicenseStatus.GRACE, s.status());
        assertTrue(s.reason().contains("the vault could not be read"), s.reason());
    }

    @Test
    void aSavedKeyStripeNeverConfirmedKeepsTheEvaluation() {
        here.vault.put("stripe.license_key", Secret.of(Machine.SUB));
        here.vault.put("stripe.api_key", Secret.of(Machine.KEY));
        stripe.online(false);
        here.start().settle();
        assertEquals(LicenseStatus.EVALUATION, here.state().status());
        assertTrue(here.state().reason().startsWith("the saved license key could not be checked"),
                here.state().reason());
        stripe.online(true);
        LicenseState s = here.keeper.check();
        assertEquals(LicenseStatus.INVALID, s.status(), "a check never binds");
        assertTrue(s.reason().contains("not bound to any installation"), s.reason());
        assertEquals(0, stripe.binds());
    }

    @Test
    void aBrokenProviderIsUnreachableNotACrash() {
        LicenseService broken = new LicenseService() {
            @Override
            public SubscriptionCheck check(Secret licenseKey, Secret apiKey) {
                throw new IllegalStateException("adapter bug");
            }

            @Override
            public SubscriptionCheck bind(Secret licenseKey, Secret apiKey, String installationId) {
                throw new IllegalStateException("adapter bug");
            }
        };
        Machine m = new Machine("inst-b", broken, clock).start();
        ActivationResult.Refused r = assertInstanceOf(ActivationResult.Refused.class, m.activate());
        assertEquals(ActivationResult.Cause.UNREACHABLE, r.cause());
    }

    @Test
    void nothingWorksBeforeStart() {
        LicenseKeeper k = new LicenseKeeper(here.journal, here.vault, stripe, () -> "i",
                new LicensePolicy(Duration.ofDays(14)), Duration.ofHours(6), new ManualExecutor(), clock);
        assertEquals(LicenseStatus.INVALID, k.current().status());
        assertThrows(IllegalStateException.class, k::check);
        assertThrows(IllegalStateException.class, () -> k.activate(Secret.of(Machine.SUB), Secret.of(Machine.KEY)));
        k.maintain();
        assertEquals(0, stripe.calls());
    }

    /** A damaged version-1 first start is migrated to the epoch (LegacySettingsMigrationTest in adapter-sqlite). */
    @Test
    void aFirstStartLongAgoDoesNotRestartTheEvaluation() {
        here.journal.saveLicense(LicenseRecord.firstStartedAt(Instant.EPOCH));
        here.start();
        assertEquals(LicenseStatus.INVALID, here.state().status());
        assertEquals(Optional.of(Instant.EPOCH), here.journal.license().map(LicenseRecord::firstStart));
    }

    @Test
    void theFirstStartIsRecordedOnce() {
        here.start();
        clock.advance(Duration.ofDays(15));
        here.restart();
        assertEquals(LicenseStatus.INVALID, here.state().status());
        assertEquals(Optional.of(T0), here.journal.license().map(LicenseRecord::firstStart));
    }

    @Test
    void aJournalThatCannotBeWrittenKeepsTheStateInMemory() {
        licensed();
        here.journal.failWrites(true);
        stripe.setStatus(Machine.SUB, "canceled");
        assertEquals(LicenseStatus.INVALID, here.keeper.check().status());
    }
}
