package tech.brokerbridge.launcher.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import tech.brokerbridge.ai.AdvisorConfig;
import tech.brokerbridge.ai.AdvisorFactory;
import tech.brokerbridge.ai.AdvisorHandle;
import tech.brokerbridge.launcher.config.Config;
import tech.brokerbridge.launcher.config.Settings;
import tech.brokerbridge.ports.advisor.Advisor;
import tech.brokerbridge.ports.secrets.SecretStore;

/** adapter-ai: the advisor the configuration selects; API keys are read from the vault at call time. */
final class AiModule extends AbstractModule {
    @Provides
    @Singleton
    AdvisorConfig advisorConfig(Config config) {
        return advisorConfig(config, config.text(Settings.AI_PROVIDER));
    }

    @Provides
    @Singleton
    AdvisorHandle advisorHandle(AdvisorConfig cfg, SecretStore secrets, Clock clock) {
        return AdvisorFactory.create(cfg, secrets, clock);
    }

    @Provides
    @Singleton
    Advisor advisor(AdvisorHandle handle) {
        return handle;
    }

    /** The advisor configuration for {@code provider}, with the configured base URLs, timeout and model. */
    static AdvisorConfig advisorConfig(Config config, String provider) {
        AdvisorConfig cfg = AdvisorConfig.defaults().withProvider(provider)
                .withTimeout(Duration.ofSeconds(config.integer(Settings.AI_TIMEOUT_SECONDS)))
                .withMaxRetries(config.integer(Settings.AI_MAX_RETRIES));
        for (String p : Settings.AI_NETWORK_PROVIDERS) {
            cfg = cfg.withBaseUrl(p, URI.create(config.text(Settings.AI_BASE_URL_PREFIX + p)));
        }
        if (!provider.equals("offline")) {
            String model = config.value(Settings.AI_MODEL).orElse("");
            if (!model.isEmpty()) {
                cfg = cfg.withModel(provider, model);
            }
        }
        return cfg;
    }
}
