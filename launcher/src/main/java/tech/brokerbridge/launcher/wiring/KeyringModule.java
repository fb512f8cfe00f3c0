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

/**
 * adapter-keyring: the credential vault and this installation's id. The vault starts opening (deriving
 * its key, probing the keyring) when the module is made, on its own thread, while the rest of the desk
 * is assembled ({@link OpeningVault}).
 */
final class KeyringModule extends AbstractModule {
    private final OpeningVault vault;

    KeyringModule(Config config) {
        VaultConfig vaultConfig = VaultConfig.from(config.home(), config);
        this.vault = OpeningVault.begin(() -> VaultFactory.installationId(vaultConfig),
                () -> VaultFactory.open(vaultConfig));
    }

    @Provides
    @Singleton
    OpeningVault openingVault() {
        return vault;
    }

    @Provides
    @Singleton
    Vault vault(OpeningVault opening) {
        return opening;
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
