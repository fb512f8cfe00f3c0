package tech.brokerbridge.launcher.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.time.Clock;
import tech.brokerbridge.ai.AdvisorConfig;
import tech.brokerbridge.ai.AdvisorFactory;
import tech.brokerbridge.ai.AdvisorHandle;
import tech.brokerbridge.launcher.config.Config;
import tech.brokerbridge.ports.advisor.Advisor;
import tech.brokerbridge.ports.secrets.SecretStore;

/** adapter-ai: the advisor the configuration selects; API keys are read from the vault at call time. */
final class AiModule extends AbstractModule {
    @Provides
    @Singleton
    AdvisorConfig advisorConfig(Config config) {
        return AdvisorConfig.from(config);
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
}
