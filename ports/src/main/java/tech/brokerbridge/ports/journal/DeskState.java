package tech.brokerbridge.ports.journal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The desk's own state that must survive a restart, typed (driven port; a role of the
 * {@link Journal}): the kill switch, the license records and the proposal cool-downs.
 *
 * <p>Thread-safe; writes are durable before the method returns; failures throw
 * {@link JournalException}.
 */
public interface DeskState {
    /** The kill switch as last saved; empty when it was never engaged (it is then released). */
    Optional<KillSwitchState> killSwitch();

    /** Replaces the kill switch's state. */
    void saveKillSwitch(KillSwitchState state);

    /** The license records as last saved; empty before the desk's first start. */
    Optional<LicenseRecord> license();

    /** Replaces the license records. */
    void saveLicense(LicenseRecord record);

    /**
     * Starts a cool-down, replacing any cool-down of the same symbol, direction and setup type
     * ({@link CoolDown#sameSetupAs}). Cool-downs that ended may be forgotten.
     */
    void startCoolDown(CoolDown coolDown);

    /** The cool-downs still running at {@code now} ({@code now < until}), oldest start first. */
    List<CoolDown> activeCoolDowns(Instant now);
}
