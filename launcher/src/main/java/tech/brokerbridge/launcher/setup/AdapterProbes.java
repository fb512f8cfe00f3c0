package tech.brokerbridge.launcher.setup;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import tech.brokerbridge.ai.AdvisorConfig;
import tech.brokerbridge.ai.AdvisorFactory;
import tech.brokerbridge.ai.AdvisorHandle;
import tech.brokerbridge.ai.CredentialCheck;
import tech.brokerbridge.ibkr.IbkrConfig;
import tech.brokerbridge.ibkr.IbkrConnectionCheck;
import tech.brokerbridge.ibkr.IbkrFactory;
import tech.brokerbridge.ports.Secret;
import tech.brokerbridge.ports.config.InvalidSettingsException;
import tech.brokerbridge.ports.setup.AdvisorObservation;
import tech.brokerbridge.ports.setup.CredentialProbes;
import tech.brokerbridge.ports.setup.CredentialTest;
import tech.brokerbridge.ports.setup.FieldError;
import tech.brokerbridge.ports.setup.IbkrCheck;

/**
 * The credential probes through the adapters: an AI key through adapter-ai
 * ({@link AdvisorFactory#testCredential}, with the saved base URLs and a timeout of at most 15 s), an
 * IB Gateway connection through adapter-ibkr ({@link IbkrFactory#testConnection}: TCP connect, API
 * handshake, {@code startApi} with the given client id and the account list, within 5 s, on its own
 * connection; a host that is not loopback is refused unless {@code ibkr.allow_remote_host} was set at
 * start, as for the broker itself), and the running advisor's last call. No Stripe key check yet: it
 * answers {@code not_available} and asks nothing.
 */
final class AdapterProbes implements CredentialProbes {
    private static final Duration MAX_TEST_TIMEOUT = Duration.ofSeconds(15);

    private final FileConfigurationStore config;
    private final AdvisorHandle advisor;

    AdapterProbes(FileConfigurationStore config, AdvisorHandle advisor) {
        this.config = Objects.requireNonNull(config, "config");
        this.advisor = Objects.requireNonNull(advisor, "advisor");
    }

    @Override
    public CredentialTest testAiKey(String provider, Secret key) {
        AdvisorConfig cfg = AdvisorConfig.from(config.saved()).withProvider(provider);
        if (cfg.timeout().compareTo(MAX_TEST_TIMEOUT) > 0) {
            cfg = cfg.withTimeout(MAX_TEST_TIMEOUT);
        }
        CredentialCheck check = AdvisorFactory.testCredential(provider, key, cfg);
        return new CredentialTest(switch (check.result()) {
            case OK -> CredentialTest.Result.OK;
            case UNAUTHORIZED -> CredentialTest.Result.UNAUTHORIZED;
            case UNREACHABLE -> CredentialTest.Result.UNREACHABLE;
        }, check.message());
    }

    @Override
    public CredentialTest testStripeKey(Secret key) {
        return new CredentialTest(CredentialTest.Result.NOT_AVAILABLE, "testing a Stripe key is not available in this"
                + " build; activating the license checks it (POST /api/license/activate)");
    }

    @Override
    public IbkrCheck testIbkr(String host, int port, int clientId) {
        IbkrConfig d = IbkrConfig.defaults();
        IbkrConfig c;
        try {
            c = new IbkrConfig(host, port, clientId, config.running().get(IbkrConfig.ALLOW_REMOTE_HOST),
                    d.requestTimeout(), d.connectTimeout(), d.account(), d.exchange(), d.currency());
        } catch (InvalidSettingsException e) {
            return new IbkrCheck.Invalid(e.problems().stream().map(p -> new FieldError(field(p.keys()), p.message()))
                    .distinct().toList());
        }
        IbkrConnectionCheck check = IbkrFactory.testConnection(c);
        return new IbkrCheck.Answered(check.ok(), check.serverVersion(), check.accounts(), check.message(),
                check.accountModes());
    }

    /** The request member a problem of these settings is about. */
    private static String field(List<String> keys) {
        if (keys.contains(IbkrConfig.PORT.key())) {
            return "port";
        }
        return keys.contains(IbkrConfig.CLIENT_ID.key()) ? "client_id" : "host";
    }

    @Override
    public AdvisorObservation advisor() {
        return new AdvisorObservation(advisor.provider(), advisor.connected(), advisor.statusMessage(),
                advisor.lastFailure());
    }
}
