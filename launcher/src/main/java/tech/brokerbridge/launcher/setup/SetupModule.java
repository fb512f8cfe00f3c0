package tech.brokerbridge.launcher.setup;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import tech.brokerbridge.ai.AdvisorConfig;
import tech.brokerbridge.ai.AdvisorHandle;
import tech.brokerbridge.core.Desk;
import tech.brokerbridge.core.DeskConfig;
import tech.brokerbridge.launcher.config.Config;
import tech.brokerbridge.launcher.config.Settings;
import tech.brokerbridge.ports.desk.SetupDesk;
import tech.brokerbridge.ports.secrets.SecretStore;

/**
 * The setup wizard's use cases and the connection checks they use: the IB Gateway test through
 * adapter-ibkr ({@link IbkrConnectionProbe}); no Stripe key test yet ({@link StripeKeyCheck#NOT_AVAILABLE}:
 * bind a real one here when the license adapter offers it).
 */
public final class SetupModule extends AbstractModule {
    private final Function<Config, DeskConfig> deskConfigs;
    private final BiFunction<Config, String, AdvisorConfig> advisorConfigs;

    /**
     * @param deskConfigs the desk's business settings from a configuration, as the core module makes them
     * @param advisorConfigs the AI adapter's settings for a provider, as the AI module makes them
     */
    public SetupModule(Function<Config, DeskConfig> deskConfigs,
            BiFunction<Config, String, AdvisorConfig> advisorConfigs) {
        this.deskConfigs = Objects.requireNonNull(deskConfigs, "deskConfigs");
        this.advisorConfigs = Objects.requireNonNull(advisorConfigs, "advisorConfigs");
    }

    @Provides
    @Singleton
    IbkrProbe ibkrProbe(Config config) {
        return new IbkrConnectionProbe(config.bool(Settings.IBKR_ALLOW_REMOTE_HOST));
    }

    @Provides
    @Singleton
    StripeKeyCheck stripeKeyCheck() {
        return StripeKeyCheck.NOT_AVAILABLE;
    }

    @Provides
    @Singleton
    SetupService setupService(Config config, Desk desk, SecretStore secrets, AdvisorHandle advisor, IbkrProbe ibkr,
            StripeKeyCheck stripe) {
        return new SetupService(config, desk, deskConfigs, advisorConfigs, secrets, advisor, ibkr, stripe);
    }

    @Provides
    @Singleton
    SetupDesk setupDesk(SetupService service) {
        return service;
    }
}
