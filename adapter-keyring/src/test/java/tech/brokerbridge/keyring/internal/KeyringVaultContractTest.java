package tech.brokerbridge.keyring.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import tech.brokerbridge.ports.Secret;
import tech.brokerbridge.ports.secrets.SecretEntry;
import tech.brokerbridge.ports.secrets.SecretStore;
import tech.brokerbridge.ports.tck.SecretStoreContract;

/**
 * The keyring backend against the port's contract, on the real OS keyring (gnome-keyring in CI),
 * under a throw-away service name so that a developer's real {@code brokerbridge} entries are never
 * touched. Skipped where no keyring answers, unless {@code BROKERBRIDGE_REQUIRE_KEYRING=1}.
 */
class KeyringVaultContractTest extends SecretStoreContract {
    @TempDir
    Path temp;
    private final String service = "brokerbridge-test-" + UUID.randomUUID();
    private final List<FernetSecretStore> opened = new ArrayList<>();

    @BeforeEach
    void requireKeyring() {
        SecretService.require();
    }

    private FernetSecretStore open(String machineId) {
        FernetSecretStore store = TestVaults.withRealKeyring(service)
                .open(temp.resolve("data"), Backend.KEYRING, Optional.of(machineId));
        opened.add(store);
        return store;
    }

    /** The vault was made on machine B and copied to machine A (see FileVaultContractTest). */
    @Override
    protected SecretStore newStore() {
        if (!java.nio.file.Files.exists(temp.resolve("data").resolve(VaultMetadata.FILE))) {
            open("machine-B");
        }
        return open("machine-A");
    }

    @Override
    protected void makeUndecryptable(SecretStore store, String name) {
        open("machine-B").put(name, Secret.of("saved on machine B"));
    }

    @AfterEach
    void removeEverythingFromTheKeyring() {
        if (!opened.isEmpty()) {
            FernetSecretStore any = opened.get(0);
            for (SecretEntry entry : any.list()) {
                any.delete(entry.name());
            }
        }
        opened.forEach(FernetSecretStore::close);
    }
}
