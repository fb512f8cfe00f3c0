package tech.brokerbridge.core.internal.license;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.core.Desk;
import tech.brokerbridge.core.DeskConfig;
import tech.brokerbridge.core.DeskFactory;
import tech.brokerbridge.core.DeskPorts;
import tech.brokerbridge.core.support.MutableClock;
import tech.brokerbridge.ports.Secret;
import tech.brokerbridge.ports.desk.ActivationResult;
import tech.brokerbridge.ports.fakes.FakeAdvisor;
import tech.brokerbridge.ports.fakes.FakeBroker;
import tech.brokerbridge.ports.fakes.FakeLicenseService;
import tech.brokerbridge.ports.fakes.FakeMarketData;
import tech.brokerbridge.ports.fakes.FakeSignalSource;
import tech.brokerbridge.ports.fakes.InMemoryJournal;
import tech.brokerbridge.ports.license.LicenseState;
import tech.brokerbridge.ports.license.LicenseStatus;
import tech.brokerbridge.ports.tck.Await;

/** The license through the desk's public surface: what the HTTP routes will call. */
class LicenseDeskTest {
    static final Instant T0 = Instant.parse("2026-01-05T15:00:00Z");
    static final String SUB = "sub_Desk0001";
    static final String KEY = "rk_test_desk";
    final MutableClock clock = new MutableClock(T0);
    final FakeLicenseService stripe = new FakeLicenseService().acceptKey(KEY)
            .addSubscription(SUB, "active", T0.plus(Duration.ofDays(30)));
    final List<Desk> desks = new ArrayList<>();

    /** One machine: its journal and vault outlive its desks. */
    final class Install {
        final String installationId;
        final InMemoryJournal journal = new InMemoryJournal();
        final FlakyVault vault = new FlakyVault();
        Desk desk;

        Install(String installationId) {
            this.installationId = installationId;
        }

        Install start() {
            desk = DeskFactory.create(DeskConfig.defaults("9.9.9-test"), new DeskPorts(new FakeBroker(clock),
                    new FakeMarketData(), new FakeSignalSource(), new FakeAdvisor(), journal, vault,
                    () -> installationId, stripe), clock);
            desks.add(desk);
            desk.start();
            return this;
        }

        /** Starts and waits until the start-up check has read the vault (it asks Stripe nothing without a key). */
        Install startSettled() {
            start();
            Await.until(() -> vault.reads() >= 2, "the start-up license check");
            return this;
        }

        LicenseState activate() {
            ActivationResult r = desk.activate(Secret.of(SUB), Secret.of(KEY));
            return assertInstanceOf(ActivationResult.Activated.class, r, r.toString()).state();
        }
    }

    @AfterEach
    void close() {
        desks.forEach(Desk::close);
    }

    @Test
    void activateSeeLicensedThenCancellingTurnsInvalidAfterARefresh() {
        Install me = new Install("inst-me").startSettled();
        assertEquals(LicenseStatus.EVALUATION, me.desk.license().status());
        assertEquals("paper", me.desk.license().mode());

        LicenseState s = me.activate();
        assertEquals(LicenseStatus.LICENSED, s.status());
        assertEquals("live", s.mode());
        assertEquals(LicenseStatus.LICENSED, me.desk.health().license());
        assertEquals("inst-me", me.desk.license().installationId());

        stripe.setStatus(SUB, "canceled");
        assertEquals(LicenseStatus.LICENSED, me.desk.license().status(), "no Stripe call on a read");
        LicenseState after = me.desk.refresh();
        assertEquals(LicenseStatus.INVALID, after.status());
        assertFalse(me.desk.license().valid());
        assertTrue(after.reason().contains("canceled"), after.reason());
    }

    @Test
    void pullingTheNetworkKeepsItWorkingThroughGraceAndStopsItAfter() {
        Install me = new Install("inst-me").startSettled();
        me.activate();
        stripe.online(false);
        clock.advance(Duration.ofHours(24));
        LicenseState g = me.desk.refresh();
        assertEquals(LicenseStatus.GRACE, g.status());
        assertTrue(g.valid() && g.liveTradingAllowed());
        assertEquals(Optional.of(T0.plus(Duration.ofHours(72))), g.graceUntil());
        clock.advance(Duration.ofHours(48));
        LicenseState over = me.desk.refresh();
        assertEquals(LicenseStatus.INVALID, over.status());
        assertTrue(over.reason().contains("grace ended"), over.reason());
        stripe.online(true);
        assertEquals(LicenseStatus.LICENSED, me.desk.refresh().status());
    }

    @Test
    void tenThousandApiReadsCostZeroStripeCalls() {
        Install me = new Install("inst-me").startSettled();
        me.activate();
        int calls = stripe.calls();
        assertEquals(1, calls, "the activation's bind");
        for (int i = 0; i < 10_000; i++) {
            assertTrue(me.desk.license().valid());
            assertEquals(LicenseStatus.LICENSED, me.desk.health().license());
        }
        assertEquals(calls, stripe.calls());
    }

    @Test
    void activatingOnAnotherMachineMovesTheLicenseAndTheFirstTurnsInvalidAtItsNextCheck() {
        Install a = new Install("inst-A").startSettled();
        Install b = new Install("inst-B").startSettled();
        a.activate();
        assertEquals(LicenseStatus.LICENSED, b.activate().status());
        assertEquals(LicenseStatus.LICENSED, a.desk.license().status(), "until it checks");

        LicenseState moved = a.desk.refresh();
        assertEquals(LicenseStatus.INVALID, moved.status());
        assertEquals("this license is now active on another installation \u2014 activate it here to move it back",
                moved.reason());
        assertEquals(LicenseStatus.LICENSED, b.desk.refresh().status());

        a.activate();
        assertEquals(LicenseStatus.INVALID, b.desk.refresh().status());
        assertEquals(LicenseStatus.LICENSED, a.desk.refresh().status());
    }

    @Test
    void aRestartedDeskServesAtOnceWhileStripeIsSlow() throws Exception {
        Install me = new Install("inst-me").startSettled();
        me.activate();
        me.desk.close();
        clock.advance(Duration.ofHours(1));
        CountDownLatch release = new CountDownLatch(1);
        stripe.holdCalls(release);
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
                me.start();
                assertEquals(LicenseStatus.LICENSED, me.desk.license().status());
            }, "start and the first read do not wait for Stripe");
            Await.until(() -> stripe.checks() == 1, "the background check reaches Stripe");
            assertEquals(Optional.of(T0), me.desk.license().lastCheckedAt(), "still the kept answer");
        } finally {
            release.countDown();
        }
        Await.until(() -> me.desk.license().lastCheckedAt().equals(Optional.of(clock.instant())), "the check's answer");
        assertEquals(LicenseStatus.LICENSED, me.desk.license().status());
    }

    @Test
    void aRefusedActivationIsAValueAndChangesNothing() {
        Install me = new Install("inst-me").startSettled();
        ActivationResult r = me.desk.activate(Secret.of("sub_Nope"), Secret.of(KEY));
        ActivationResult.Refused refused = assertInstanceOf(ActivationResult.Refused.class, r);
        assertEquals("unknown_subscription", refused.cause().code());
        assertEquals(LicenseStatus.EVALUATION, refused.state().status());
        assertTrue(me.vault.list().isEmpty());
    }
}
