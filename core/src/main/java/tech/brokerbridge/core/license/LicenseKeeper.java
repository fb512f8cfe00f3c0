package tech.brokerbridge.core.license;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import tech.brokerbridge.ports.journal.Journal;
import tech.brokerbridge.ports.license.InstallationIdentity;
import tech.brokerbridge.ports.license.LicenseState;
import tech.brokerbridge.ports.license.LicenseStatus;

/**
 * Holds the current license state in memory. {@link #start()} reads (or, at the very first start,
 * writes) the journal setting {@code license.first_start}; {@link #refresh()} recomputes the state
 * from what it holds without I/O; {@link #current()} is a volatile read. Thread-safe.
 */
public final class LicenseKeeper {
    static final String FIRST_START = "license.first_start";
    private final Journal journal;
    private final InstallationIdentity installation;
    private final LicensePolicy policy;
    private final Clock clock;
    private volatile LicenseEvidence evidence;
    private volatile String installationId = "";
    private volatile LicenseState state;

    public LicenseKeeper(Journal journal, InstallationIdentity installation, LicensePolicy policy, Clock clock) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.installation = Objects.requireNonNull(installation, "installation");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.state = new LicenseState(LicenseStatus.INVALID, "the desk has not started yet", false, Optional.empty(),
                Optional.empty(), Optional.empty(), "");
    }

    /** Reads the first start (recording now when there is none) and the installation id, then refreshes. */
    public synchronized void start() {
        Optional<Instant> stored = journal.setting(FIRST_START).flatMap(LicenseKeeper::parse);
        Instant first = stored.orElseGet(() -> {
            Instant now = clock.instant();
            journal.putSetting(FIRST_START, now.toString());
            return now;
        });
        installationId = installation.installationId();
        evidence = new LicenseEvidence.Evaluation(first);
        refresh();
    }

    private static Optional<Instant> parse(String s) {
        try {
            return Optional.of(Instant.parse(s.strip()));
        } catch (DateTimeParseException e) {
            // a damaged setting must not restart the evaluation: treat it as long over
            return Optional.of(Instant.EPOCH);
        }
    }

    /** Recomputes the state for the current time; no I/O. */
    public void refresh() {
        LicenseEvidence e = evidence;
        if (e != null) {
            state = policy.decide(e, clock.instant(), installationId);
        }
    }

    public LicenseState current() {
        return state;
    }
}
