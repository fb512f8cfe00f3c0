package tech.brokerbridge.core.internal.license;

import java.time.Duration;
import tech.brokerbridge.core.support.MutableClock;
import tech.brokerbridge.ports.Secret;
import tech.brokerbridge.ports.desk.ActivationResult;
import tech.brokerbridge.ports.fakes.InMemoryJournal;
import tech.brokerbridge.ports.license.LicenseService;
import tech.brokerbridge.ports.license.LicenseState;

/**
 * One installation for keeper tests: its own journal, vault and background queue, an installation
 * id, a provider (usually shared with other machines) and a clock (usually shared too). The journal
 * and vault survive {@link #restart()}.
 */
final class Machine {
    static final String SUB = "sub_Test0001";
    static final String KEY = "rk_test_keeper";

    final String installationId;
    final LicenseService provider;
    final MutableClock clock;
    final InMemoryJournal journal = new InMemoryJournal();
    final FlakyVault vault = new FlakyVault();
    ManualExecutor background = new ManualExecutor();
    LicenseKeeper keeper;

    Machine(String installationId, LicenseService provider, MutableClock clock) {
        this.installationId = installationId;
        this.provider = provider;
        this.clock = clock;
    }

    /** A new keeper on this machine's journal and vault, started (its background check left queued). */
    Machine start() {
        background = new ManualExecutor();
        keeper = new LicenseKeeper(journal, vault, provider, () -> installationId,
                new LicensePolicy(Duration.ofDays(14), Duration.ofHours(72)), Duration.ofHours(6), background, clock);
        keeper.start();
        return this;
    }

    Machine restart() {
        return start();
    }

    ActivationResult activate() {
        return keeper.activate(Secret.of(SUB), Secret.of(KEY));
    }

    LicenseState state() {
        return keeper.current();
    }

    /** Runs what the keeper queued in the background. */
    Machine settle() {
        background.runAll();
        return this;
    }
}
