package tech.brokerbridge.launcher.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import tech.brokerbridge.keyring.Vault;
import tech.brokerbridge.keyring.VaultConfig;
import tech.brokerbridge.keyring.VaultFactory;
import tech.brokerbridge.launcher.config.Config;
import tech.brokerbridge.ports.license.InstallationIdentity;
import tech.brokerbridge.ports.secrets.SecretStore;

/** adapter-keyring: the credential vault and this installation's id. */
final class KeyringModule extends AbstractModule {
    @Provides
    @Singleton
    Vault vault(Config config) {
        return VaultFactory.open(VaultConfig.from(config.home(), config));
    }

    @Provides
    @Singleton
    SecretStore secretStore(Vault vault) {
        return vault;
    }

    @Provides
    @Singleton
    InstallationIdentity installationIdentity(Vault vault) {
        return vault;
    }
}
