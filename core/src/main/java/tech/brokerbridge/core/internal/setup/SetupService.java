package tech.brokerbridge.core.internal.setup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.core.CredentialBook;
import tech.brokerbridge.core.Desk;
import tech.brokerbridge.core.DeskConfig;
import tech.brokerbridge.ports.Secret;
import tech.brokerbridge.ports.config.ConfigurationStore;
import tech.brokerbridge.ports.config.SettingsView;
import tech.brokerbridge.ports.desk.SetupDesk;
import tech.brokerbridge.ports.secrets.SecretStore;
import tech.brokerbridge.ports.setup.ApplyResult;
import tech.brokerbridge.ports.setup.CredentialProbes;
import tech.brokerbridge.ports.setup.CredentialSave;
import tech.brokerbridge.ports.setup.CredentialStatus;
import tech.brokerbridge.ports.setup.CredentialTest;
import tech.brokerbridge.ports.setup.FieldError;
import tech.brokerbridge.ports.setup.IbkrCheck;
import tech.brokerbridge.ports.setup.SetupConfig;
import tech.brokerbridge.ports.setup.SetupStatus;

/**
 * The setup wizard's use cases ({@link SetupDesk}) over the staged configuration
 * ({@link ConfigurationStore}), the vault and what the adapters can say about credentials
 * ({@link CredentialProbes}).
 *
 * <p>An accepted update is staged and loaded exactly as the next start would load it, then saved in
 * one step, never with a secret in it ({@link ConfigUpdate}). The desk's business settings (risk
 * limits, scoring weights, watchlist, scan interval, AI candidates, proposal TTL) are applied at
 * once; the members that choose adapters (AI provider and model, broker, trading mode) wait for a
 * restart and are reported as such. Credentials go to the vault only. Thread-safe: configuration
 * changes are serialized; reads are lock-free.
 */
public final class SetupService implements SetupDesk {
    private static final Logger LOG = LoggerFactory.getLogger(SetupService.class);
    /** {@link Desk#reconfigure} keeps the running desk's version: any will do here. */
    private static final String ANY_VERSION = "setup";

    private final ConfigurationStore config;
    private final Desk desk;
    private final CredentialBook book;
    private final CredentialStates states;
    private final CredentialProbes probes;

    public SetupService(ConfigurationStore config, Desk desk, SecretStore secrets, CredentialProbes probes) {
        this.config = Objects.requireNonNull(config, "config");
        this.desk = Objects.requireNonNull(desk, "desk");
        this.probes = Objects.requireNonNull(probes, "probes");
        this.book = new CredentialBook(secrets);
        this.states = new CredentialStates(book, probes, desk,
                SetupMembers.text(config.running(), SetupMembers.BROKER_KIND));
    }

    /**
     * Complete when every choice the desk needs has a usable value; defaults count, so a desk that
     * works on its defaults is complete. Missing: the selected AI provider's key, and a license that
     * allows live trading when {@code trading_mode} is {@code live}.
     */
    @Override
    public SetupStatus setupStatus() {
        SettingsView saved = config.saved();
        List<String> missing = new ArrayList<>();
        String provider = SetupMembers.text(saved, SetupMembers.AI_PROVIDER);
        if (CredentialBook.AI_PROVIDERS.contains(provider)
                && book.stored().get(provider).state() != CredentialStatus.State.SAVED) {
            missing.add("credentials." + provider);
        }
        if (saved.get(DeskConfig.TRADING_MODE).equals("live") && !desk.license().liveTradingAllowed()) {
            missing.add("license");
        }
        return new SetupStatus(missing.isEmpty(), missing, pendingRestart(saved));
    }

    @Override
    public SetupConfig currentConfig() {
        return SetupMembers.read(config.saved());
    }

    @Override
    public synchronized List<FieldError> validateConfig(SetupConfig update) {
        return ConfigUpdate.check(config, desk.license(), SetupMembers.changes(update), false).errors();
    }

    @Override
    public synchronized ApplyResult applyConfig(SetupConfig update) {
        SettingsView before = config.saved();
        List<SetupMembers.Change> changes = SetupMembers.changes(update);
        ConfigUpdate.Outcome outcome = ConfigUpdate.check(config, desk.license(), changes, true);
        if (!outcome.errors().isEmpty()) {
            return new ApplyResult.Invalid(outcome.errors());
        }
        SettingsView after = outcome.committed().orElseThrow();
        DeskConfig next = DeskConfig.from(ANY_VERSION, after);
        if (!next.equals(DeskConfig.from(ANY_VERSION, before))) {
            desk.reconfigure(next);
        }
        List<String> restart = changes.stream().map(SetupMembers.Change::path)
                .filter(pendingRestart(after)::contains).distinct().toList();
        LOG.info("configuration saved ({} member{}); waiting for a restart: {}", changes.size(),
                changes.size() == 1 ? "" : "s", restart.isEmpty() ? "nothing" : String.join(", ", restart));
        return new ApplyResult.Applied(SetupMembers.read(after), restart);
    }

    @Override
    public CredentialTest testCredential(String provider, String authType, Secret credential) {
        requireValid(provider, authType);
        Objects.requireNonNull(credential, "credential");
        CredentialTest result;
        if (provider.equals("stripe")) {
            result = probes.testStripeKey(credential);
        } else if (provider.equals("ibkr")) {
            result = new CredentialTest(CredentialTest.Result.NOT_AVAILABLE, "IB Gateway has no credential to test;"
                    + " POST /api/credentials/ibkr/test tries a connection with a host, port and client id");
        } else if (CredentialBook.NOTIFICATION_SECRETS.containsKey(provider)) {
            result = new CredentialTest(CredentialTest.Result.NOT_AVAILABLE, "save it, then POST"
                    + " /api/notifications/test with {\"channel\":\"" + channelOf(provider) + "\"} sends a test message");
        } else {
            result = probes.testAiKey(provider, credential);
        }
        LOG.info("credential test for {}: {}", provider, result.result().wire());
        return result;
    }

    private static String channelOf(String provider) {
        return provider.equals("smtp") ? "email" : provider;
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
        return probes.testIbkr(host == null ? "" : host.strip(), port, clientId);
    }

    /** The restart-bound members whose saved value differs from the running one. */
    private List<String> pendingRestart(SettingsView saved) {
        SettingsView running = config.running();
        return SetupMembers.paths().stream().filter(SetupMembers.RESTART::contains)
                .filter(p -> !SetupMembers.current(saved, p).equals(SetupMembers.current(running, p))).toList();
    }

    private static void requireValid(String provider, String authType) {
        CredentialBook.requireProvider(provider);
        if (!AUTH_TYPES.contains(authType)) {
            throw new IllegalArgumentException("only api_key is supported");
        }
    }
}
