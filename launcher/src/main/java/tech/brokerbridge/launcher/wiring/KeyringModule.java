package tech.brokerbridge.launcher.wiring;

import com.google.inject.AbstractModule;
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

    /** The vault while it opens, for the runtime to close even when the desk never starts. */
    OpeningVault openingVault() {
        return vault;
    }

    @Override
    protected void configure() {
        bind(OpeningVault.class).toInstance(vault);
        // the opening vault serves as the vault and as both ports the vault implements
        bind(Vault.class).to(OpeningVault.class);
        bind(SecretStore.class).to(Vault.class);
        bind(InstallationIdentity.class).to(Vault.class);
    }
}
