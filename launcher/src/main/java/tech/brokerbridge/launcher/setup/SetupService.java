package tech.brokerbridge.launcher.setup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.ai.AdvisorConfig;
import tech.brokerbridge.ai.AdvisorFactory;
import tech.brokerbridge.ai.AdvisorHandle;
import tech.brokerbridge.ai.CredentialCheck;
import tech.brokerbridge.core.Desk;
import tech.brokerbridge.core.DeskConfig;
import tech.brokerbridge.launcher.config.Config;
import tech.brokerbridge.launcher.config.ConfigException;
import tech.brokerbridge.launcher.config.Settings;
import tech.brokerbridge.ports.Secret;
import tech.brokerbridge.ports.desk.SetupDesk;
import tech.brokerbridge.ports.secrets.SecretStore;
import tech.brokerbridge.ports.setup.ApplyResult;
import tech.brokerbridge.ports.setup.CredentialSave;
import tech.brokerbridge.ports.setup.CredentialStatus;
import tech.brokerbridge.ports.setup.CredentialTest;
import tech.brokerbridge.ports.setup.FieldError;
import tech.brokerbridge.ports.setup.IbkrCheck;
import tech.brokerbridge.ports.setup.SetupConfig;
import tech.brokerbridge.ports.setup.SetupStatus;

/**
 * The setup wizard's use cases ({@link SetupDesk}). They live in the launcher, not in {@code core},
 * because they are about the configuration file and about choosing and re-creating adapters, which is
 * the launcher's business: {@code core} sees only the business settings it is given
 * ({@link Desk#reconfigure}).
 *
 * <p>An accepted update is written to {@code config.json} atomically (staged beside it, loaded and
 * checked exactly as the next start would load it, then moved into place), never with a secret in
 * it. The desk's business settings (risk limits, scoring weights, watchlist, scan interval, AI
 * candidates, proposal TTL) are applied at once; the members that choose adapters (AI provider and
 * model, broker, trading mode) wait for a restart and are reported as such. Credentials go to the
 * vault only. Thread-safe: configuration changes are serialized; reads are lock-free.
 */
public final class SetupService implements SetupDesk {
    private static final Logger LOG = LoggerFactory.getLogger(SetupService.class);
    private static final Duration MAX_TEST_TIMEOUT = Duration.ofSeconds(15);

    private final Config running;
    private final ConfigFile file;
    private final ConfigReloader reloader;
    private final Desk desk;
    private final Function<Config, DeskConfig> deskConfigs;
    private final BiFunction<Config, String, AdvisorConfig> advisorConfigs;
    private final CredentialBook book;
    private final CredentialStates states;
    private final IbkrProbe ibkr;
    private final StripeKeyCheck stripe;
    private volatile Config current;

    /**
     * @param running the configuration the desk was started with
     * @param deskConfigs the desk's business settings from a configuration (the same mapping as at start)
     * @param advisorConfigs the AI adapter's settings for a provider from a configuration
     */
    public SetupService(Config running, Desk desk, Function<Config, DeskConfig> deskConfigs,
            BiFunction<Config, String, AdvisorConfig> advisorConfigs, SecretStore secrets, AdvisorHandle advisor,
            IbkrProbe ibkr, StripeKeyCheck stripe) {
        this.running = Objects.requireNonNull(running, "running");
        this.current = running;
        this.file = new ConfigFile(running.home());
        this.reloader = new ConfigReloader(running);
        this.desk = Objects.requireNonNull(desk, "desk");
        this.deskConfigs = Objects.requireNonNull(deskConfigs, "deskConfigs");
        this.advisorConfigs = Objects.requireNonNull(advisorConfigs, "advisorConfigs");
        this.book = new CredentialBook(secrets);
        this.states = new CredentialStates(book, advisor, desk, running.text(Settings.BROKER_KIND));
        this.ibkr = Objects.requireNonNull(ibkr, "ibkr");
        this.stripe = Objects.requireNonNull(stripe, "stripe");
    }

    /** The saved configuration, masked, for the diagnostics view. */
    public Map<String, Object> maskedConfig() {
        return current.masked();
    }

    @Override
    public SetupStatus setupStatus() {
        Config c = current;
        List<String> missing = new ArrayList<>();
        if (!file.exists()) {
            missing.add("config");
        }
        String provider = c.text(Settings.AI_PROVIDER);
        if (CredentialBook.AI_PROVIDERS.contains(provider)
                && book.stored().get(provider).state() != CredentialStatus.State.SAVED) {
            missing.add("credentials." + provider);
        }
        if (c.text(Settings.TRADING_MODE).equals("live") && !desk.license().liveTradingAllowed()) {
            missing.add("license");
        }
        return new SetupStatus(missing.isEmpty(), missing, pendingRestart(c));
    }

    @Override
    public SetupConfig currentConfig() {
        return SetupFields.read(current);
    }

    @Override
    public synchronized List<FieldError> validateConfig(SetupConfig update) {
        return check(SetupFields.changes(update), false);
    }

    @Override
    public synchronized ApplyResult applyConfig(SetupConfig update) {
        Config before = current;
        List<SetupFields.Change> changes = SetupFields.changes(update);
        List<FieldError> errors = check(changes, true);
        if (!errors.isEmpty()) {
            return new ApplyResult.Invalid(errors);
        }
        Config after = reloader.load(running.home());
        current = after;
        DeskConfig next = deskConfigs.apply(after);
        if (!next.equals(deskConfigs.apply(before))) {
            desk.reconfigure(next);
        }
        List<String> restart = changes.stream().map(SetupFields.Change::path).filter(pendingRestart(after)::contains)
                .distinct().toList();
        LOG.info("configuration saved to {} ({} member(s)); waiting for a restart: {}", file.path(), changes.size(),
                restart.isEmpty() ? "nothing" : String.join(", ", restart));
        return new ApplyResult.Applied(SetupFields.read(after), restart);
    }

    /**
     * Every problem of an update: each member on its own, then the members that passed, staged in a
     * new file and loaded as the next start would load it (cross-member rules, the desk's own limits).
     * When there is none and {@code commit}, the staged file replaces {@code config.json}.
     */
    private List<FieldError> check(List<SetupFields.Change> changes, boolean commit) {
        List<FieldError> errors = new ArrayList<>(ConfigChecks.check(changes, current, desk.license()));
        Set<String> bad = errors.stream().map(FieldError::field).collect(Collectors.toSet());
        List<SetupFields.Change> good = changes.stream().filter(c -> !bad.contains(c.path())).toList();
        ObjectNode content;
        try {
            content = ConfigFile.updated(file.read(), values(good));
        } catch (IllegalStateException e) {
            errors.add(new FieldError("config.json", e.getMessage()));
            return errors;
        }
        try (ConfigFile.Staged staged = file.stage(content)) {
            checkStaged(staged, good).stream().filter(e -> !errors.contains(e)).forEach(errors::add);
            if (errors.isEmpty() && commit) {
                staged.commit();
            }
        }
        return errors;
    }

    @Override
    public CredentialTest testCredential(String provider, String authType, Secret credential) {
        requireValid(provider, authType);
        Objects.requireNonNull(credential, "credential");
        if (provider.equals("stripe")) {
            return stripe.test(credential);
        }
        if (provider.equals("ibkr")) {
            return new CredentialTest(CredentialTest.Result.NOT_AVAILABLE, "IB Gateway has no credential to test;"
                    + " POST /api/credentials/ibkr/test tries a connection with a host, port and client id");
        }
        AdvisorConfig cfg = advisorConfigs.apply(current, provider);
        if (cfg.timeout().compareTo(MAX_TEST_TIMEOUT) > 0) {
            cfg = cfg.withTimeout(MAX_TEST_TIMEOUT);
        }
        CredentialCheck check = AdvisorFactory.testCredential(provider, credential, cfg);
        LOG.info("credential test for {}: {}", provider, check.result().wire());
        return new CredentialTest(switch (check.result()) {
            case OK -> CredentialTest.Result.OK;
            case UNAUTHORIZED -> CredentialTest.Result.UNAUTHORIZED;
            case UNREACHABLE -> CredentialTest.Result.UNREACHABLE;
        }, check.message());
    }

    @Override
    public CredentialSave saveCredential(String provider, String authType, Secret credential) {
        requireValid(provider, authType);
        Objects.requireNonNull(credential, "credential");
        var nothing = CredentialBook.nothingToSave(provider);
        if (nothing.isPresent()) {
            return new CredentialSave.Refused("provider", nothing.get());
        }
        if (credential.reveal().isBlank()) {
            return new CredentialSave.Refused("credential", "the credential must not be empty");
        }
        book.save(provider, credential);
        states.saved(provider);
        LOG.info("credential for {} saved", provider);
        return new CredentialSave.Saved(states.all().get(provider));
    }

    @Override
    public Map<String, CredentialStatus> credentialStatus() {
        return states.all();
    }

    @Override
    public boolean deleteCredential(String provider) {
        CredentialBook.requireProvider(provider);
        boolean removed = book.delete(provider);
        LOG.info("credential for {} {}", provider, removed ? "deleted" : "not found; nothing deleted");
        return removed;
    }

    @Override
    public IbkrCheck testIbkr(String host, int port, int clientId) {
        List<FieldError> errors = new ArrayList<>();
        if (host == null || host.isBlank()) {
            errors.add(new FieldError("host", "'host' must be a host name or address"));
        }
        if (port < 1 || port > 65535) {
            errors.add(new FieldError("port", "'port' must be between 1 and 65535"));
        }
        if (clientId < 0) {
            errors.add(new FieldError("client_id", "'client_id' must not be negative"));
        }
        return errors.isEmpty() ? ibkr.test(host.strip(), port, clientId) : new IbkrCheck.Invalid(errors);
    }

    /** The restart-bound members whose saved value differs from the running one. */
    private List<String> pendingRestart(Config saved) {
        return SetupFields.paths().stream().filter(SetupFields.RESTART::contains)
                .filter(p -> !SetupFields.current(saved, p).equals(SetupFields.current(running, p))).toList();
    }

    private List<FieldError> checkStaged(ConfigFile.Staged staged, List<SetupFields.Change> changes) {
        Config candidate;
        try {
            candidate = reloader.load(staged.dir());
        } catch (ConfigException e) {
            return e.problems().stream().map(ConfigSave::fromLoader).toList();
        }
        try {
            deskConfigs.apply(candidate);
            return List.of();
        } catch (IllegalArgumentException e) {
            return ConfigSave.fromDesk(e.getMessage(), changes);
        }
    }

    private static Map<String, Object> values(List<SetupFields.Change> changes) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (SetupFields.Change c : changes) {
            if (!c.path().equals(SetupFields.AUTH_TYPE)) {
                values.put(c.key(), c.value());
            }
        }
        return values;
    }

    private static void requireValid(String provider, String authType) {
        CredentialBook.requireProvider(provider);
        if (!AUTH_TYPES.contains(authType)) {
            throw new IllegalArgumentException("only api_key is supported");
        }
    }
}
