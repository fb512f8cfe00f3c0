package tech.brokerbridge.launcher.setup;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import tech.brokerbridge.ai.AdvisorHandle;
import tech.brokerbridge.core.Desk;
import tech.brokerbridge.core.DeskFactory;
import tech.brokerbridge.launcher.config.Config;
import tech.brokerbridge.ports.desk.SetupDesk;
import tech.brokerbridge.ports.secrets.SecretStore;
import tech.brokerbridge.ports.setup.CredentialProbes;

/**
 * The setup use cases (core, {@link DeskFactory#createSetup}) over the driven ports the launcher
 * provides: the staged configuration over {@code config.json} ({@link FileConfigurationStore}) and the
 * credential probes through the adapters ({@link AdapterProbes}).
 */
public final class SetupModule extends AbstractModule {
    @Provides
    @Singleton
    FileConfigurationStore configurationStore(Config config) {
        return new FileConfigurationStore(config);
    }

    @Provides
    @Singleton
    CredentialProbes credentialProbes(FileConfigurationStore store, AdvisorHandle advisor) {
        return new AdapterProbes(store, advisor);
    }

    @Provides
    @Singleton
    SetupDesk setupDesk(Desk desk, FileConfigurationStore store, SecretStore secrets, CredentialProbes probes) {
        return DeskFactory.createSetup(desk, store, secrets, probes);
    }
}
