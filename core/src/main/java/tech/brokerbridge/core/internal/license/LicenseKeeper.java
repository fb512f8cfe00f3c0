package tech.brokerbridge.core.internal.license;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.ports.Secret;
import tech.brokerbridge.ports.desk.ActivationResult;
import tech.brokerbridge.ports.journal.DeskState;
import tech.brokerbridge.ports.journal.JournalException;
import tech.brokerbridge.ports.journal.LicenseRecord;
import tech.brokerbridge.ports.license.InstallationIdentity;
import tech.brokerbridge.ports.license.LicenseService;
import tech.brokerbridge.ports.license.LicenseState;
import tech.brokerbridge.ports.license.LicenseStatus;
import tech.brokerbridge.ports.license.SubscriptionCheck;
import tech.brokerbridge.ports.secrets.SecretStore;
import tech.brokerbridge.ports.secrets.SecretStoreException;

/**
 * Holds the license state in memory and decides when Stripe is asked.
 *
 * <ul>
 * <li>{@link #start()} reads the journal's {@link LicenseRecord} (the first start, recorded at the very
 *     first start, and Stripe's last answer) and serves that state at once, then queues a check on the
 *     background executor: the vault is read and Stripe asked there, never on the caller's thread.</li>
 * <li>{@link #maintain()} (the desk's upkeep timer) recomputes the state for the time and queues a
 *     check when the last one is {@code checkInterval} old. It never blocks.</li>
 * <li>{@link #check()} (an explicit refresh) and {@link #activate} ask Stripe on the caller's thread;
 *     checks and activations are serialized. A check never rebinds; an activation binds.</li>
 * <li>After an activation, a check is due {@link #EARLY_RECHECK} later instead of a whole interval:
 *     Stripe's metadata is last-writer-wins, so two installations activating at once may both see
 *     their own write; the early check finds the one that lost within a minute, not hours later.</li>
 * <li>{@link #current()} is a volatile read: no I/O, no provider call, ever.</li>
 * </ul>
 *
 * <p>The license key and the Stripe key live in the vault only ({@value #LICENSE_KEY},
 * {@value #API_KEY}). Thread-safe.
 */
public final class LicenseKeeper {
    /** Vault name of the license key (the Stripe subscription id). */
    public static final String LICENSE_KEY = "stripe.license_key";
    /** Vault name of the restricted Stripe API key. */
    public static final String API_KEY = "stripe.api_key";
    /** How soon after an activation its binding is checked again (queued by the next upkeep). */
    public static final Duration EARLY_RECHECK = Duration.ofSeconds(20);
    private static final Logger LOG = LoggerFactory.getLogger(LicenseKeeper.class);

    private final DeskState deskState;
    private final SecretStore vault;
    private final LicenseService provider;
    private final InstallationIdentity installation;
    private final LicensePolicy policy;
    private final Duration checkInterval;
    private final Executor background;
    private final Clock clock;
    /** Serializes start, checks and activations (which may block on the vault and the provider). */
    private final Object lock = new Object();
    /** Serializes recomputations of the state; never held across I/O. */
    private final Object stateLock = new Object();
    private final AtomicBoolean checkQueued = new AtomicBoolean();
    private volatile Instant firstStart;
    private volatile LicenseEvidence evidence;
    private volatile String installationId = "";
    private volatile Instant lastAttempt;
    private volatile Instant earlyCheckAt;
    private volatile LicenseState state;

    /** The state before {@link #start()}: not a state the policy decided, so no change from it is logged. */
    private static final LicenseState NOT_STARTED = new LicenseState(LicenseStatus.INVALID,
            "the desk has not started yet", false, Optional.empty(), Optional.empty(), Optional.empty(), "");

    public LicenseKeeper(DeskState deskState, SecretStore vault, LicenseService provider,
            InstallationIdentity installation, LicensePolicy policy, Duration checkInterval, Executor background,
            Clock clock) {
        this.deskState = Objects.requireNonNull(deskState, "deskState");
        this.vault = Objects.requireNonNull(vault, "vault");
        this.provider = Objects.requireNonNull(provider, "provider");
        this.installation = Objects.requireNonNull(installation, "installation");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.checkInterval = Objects.requireNonNull(checkInterval, "checkInterval");
        this.background = Objects.requireNonNull(background, "background");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.state = NOT_STARTED;
    }

    /**
     * Serves the state kept in the journal at once (recording the first start when there is none),
     * then queues a check in the background. Blocks on the journal only.
     */
    public void start() {
        synchronized (lock) {
            Optional<LicenseRecord> stored = deskState.license();
            Instant first = stored.map(LicenseRecord::firstStart).orElseGet(() -> {
                Instant now = clock.instant();
                deskState.saveLicense(LicenseRecord.firstStartedAt(now));
                return now;
            });
            installationId = installation.installationId();
            firstStart = first;
            Optional<LicenseRecord.Answer> answer = stored.flatMap(LicenseRecord::answer);
            Optional<LicenseRecord.Outage> outage = stored.flatMap(LicenseRecord::outage);
            evidence = answer.isPresent() || outage.isPresent()
                    ? new LicenseEvidence.Subscription(first, answer, outage)
                    : new LicenseEvidence.Evaluation(first);
            refresh();
            LicenseState now = state;
            if (stored.isEmpty() && now.status() == LicenseStatus.EVALUATION) {
                LOG.info("evaluation started: {} days, paper only ({})", policy.evaluationDays(),
                        now.expiresAt().map(e -> "ends on " + e.atOffset(ZoneOffset.UTC).toLocalDate()).orElse(""));
            } else {
                LOG.info("license {}", now.summary());
            }
        }
        requestCheck();
    }

    /** Recomputes the state for the current time; no I/O. */
    public void refresh() {
        // own lock: an upkeep refresh that read the old evidence must not overwrite the state a
        // check has just computed from the new one (a check sets the evidence, then refreshes)
        synchronized (stateLock) {
            LicenseEvidence e = evidence;
            if (e == null) {
                return;
            }
            LicenseState before = state;
            LicenseState after = policy.decide(e, clock.instant(), installationId);
            state = after;
            if (before != NOT_STARTED && before.status() != after.status()) {
                LOG.info("license {} -> {}", before.status().wire(), after.summary());
            }
        }
    }

    /** The current state: an in-memory read. */
    public LicenseState current() {
        return state;
    }

    /** Recomputes the state and queues a background check when one is due. Never blocks. */
    public void maintain() {
        refresh();
        Instant now = clock.instant();
        Instant last = lastAttempt;
        Instant early = earlyCheckAt;
        boolean earlyDue = early != null && !now.isBefore(early);
        if (evidence != null && (earlyDue || last == null || !now.isBefore(last.plus(checkInterval)))) {
            if (earlyDue) {
                earlyCheckAt = null;
            }
            requestCheck();
        }
    }

    private void requestCheck() {
        if (!checkQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            background.execute(() -> {
                try {
                    check();
                } catch (RuntimeException e) { // top-level handler of a background task
                    LOG.warn("license check failed: {}", e.toString());
                } finally {
                    checkQueued.set(false);
                }
            });
        } catch (RejectedExecutionException e) {
            checkQueued.set(false);
            LOG.debug("license check after close ignored");
        }
    }

    /**
     * Asks Stripe now about the saved license key (never rebinds) and returns the new state. Without
     * a saved key it asks nothing. Blocks on the vault and for at most the provider's timeouts.
     *
     * @throws IllegalStateException before {@link #start()}
     */
    public LicenseState check() {
        synchronized (lock) {
            requireStarted();
            Optional<Keys> keys;
            try {
                keys = savedKeys();
            } catch (SecretStoreException e) {
                LOG.warn("license check: the vault could not be read ({})", e.getMessage());
                if (evidence instanceof LicenseEvidence.Subscription) {
                    record(new SubscriptionCheck.Unreachable("the vault could not be read: " + e.getMessage()));
                } else {
                    lastAttempt = clock.instant();
                }
                return state;
            }
            if (keys.isEmpty()) {
                lastAttempt = clock.instant();
                if (evidence instanceof LicenseEvidence.Subscription) {
                    LOG.info("no license key in the vault any more: back to the evaluation");
                    evidence = new LicenseEvidence.Evaluation(firstStart);
                    persist(Optional.empty(), Optional.empty());
                }
                refresh();
                return state;
            }
            Keys k = keys.get();
            record(ask(() -> provider.check(k.licenseKey(), k.apiKey())));
            return state;
        }
    }

    /**
     * Binds the license key to this installation and, when Stripe confirms a paid subscription bound
     * here, saves both keys in the vault and records the answer. Otherwise saves nothing and leaves
     * the state as it was. Blocks for at most the provider's timeouts.
     *
     * @throws SecretStoreException when the vault cannot save the keys (the state is then unchanged)
     * @throws IllegalStateException before {@link #start()}
     */
    public ActivationResult activate(Secret licenseKeyAsGiven, Secret apiKeyAsGiven) {
        Secret licenseKey = Activation.stripped(Objects.requireNonNull(licenseKeyAsGiven, "licenseKey"));
        Secret apiKey = Activation.stripped(Objects.requireNonNull(apiKeyAsGiven, "apiKey"));
        synchronized (lock) {
            requireStarted();
            Optional<String> bad = Activation.badInput(licenseKey, apiKey);
            if (bad.isPresent()) {
                return refused(ActivationResult.Cause.INVALID_INPUT, bad.get());
            }
            SubscriptionCheck answer = ask(() -> provider.bind(licenseKey, apiKey, installationId));
            Optional<ActivationResult.Refused> refusal = Activation.refusal(answer, installationId, state);
            if (refusal.isPresent()) {
                LOG.info("license activation refused: {}", refusal.get().cause().code());
                return refusal.get();
            }
            Activation.save(vault, licenseKey, apiKey);
            record(answer);
            earlyCheckAt = clock.instant().plus(EARLY_RECHECK);
            LOG.info("license activated on this installation: {}", state.reason());
            return new ActivationResult.Activated(state);
        }
    }

    private ActivationResult.Refused refused(ActivationResult.Cause cause, String reason) {
        return new ActivationResult.Refused(cause, reason, state);
    }

    private record Keys(Secret licenseKey, Secret apiKey) {
    }

    private Optional<Keys> savedKeys() {
        Optional<Secret> licenseKey = vault.get(LICENSE_KEY).filter(s -> !s.isEmpty());
        Optional<Secret> apiKey = vault.get(API_KEY).filter(s -> !s.isEmpty());
        if (licenseKey.isEmpty() || apiKey.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Keys(licenseKey.get(), apiKey.get()));
    }

    private static SubscriptionCheck ask(Supplier<SubscriptionCheck> call) {
        try {
            return Objects.requireNonNull(call.get(), "the license provider answered nothing");
        } catch (RuntimeException e) { // the port promises values; a broken adapter must not break the desk
            return new SubscriptionCheck.Unreachable("the license provider failed (" + e.getClass().getSimpleName()
                    + ")");
        }
    }

    /** Folds one answer into the evidence, persists it and recomputes the state. Under the lock. */
    private void record(SubscriptionCheck answer) {
        Instant now = clock.instant();
        lastAttempt = now;
        LicenseEvidence.Subscription before = evidence instanceof LicenseEvidence.Subscription s ? s
                : new LicenseEvidence.Subscription(firstStart, Optional.empty(), Optional.empty());
        LicenseEvidence.Subscription after;
        if (answer instanceof SubscriptionCheck.Unreachable u) {
            Instant since = before.outage().map(LicenseRecord.Outage::since).orElse(now);
            after = new LicenseEvidence.Subscription(firstStart, before.answer(),
                    Optional.of(new LicenseRecord.Outage(since, now, u.reason())));
        } else {
            after = new LicenseEvidence.Subscription(firstStart, Optional.of(Activation.answerOf(answer, now)),
                    Optional.empty());
        }
        evidence = after;
        persist(after.answer(), after.outage());
        refresh();
    }

    private void persist(Optional<LicenseRecord.Answer> answer, Optional<LicenseRecord.Outage> outage) {
        try {
            deskState.saveLicense(new LicenseRecord(firstStart, answer, outage));
        } catch (JournalException e) {
            // the state in memory is right; a restart would serve the previous one until its first check
            LOG.warn("the license state could not be saved in the journal: {}", e.getMessage());
        }
    }

    private void requireStarted() {
        if (evidence == null) {
            throw new IllegalStateException("the desk has not started");
        }
    }
}
