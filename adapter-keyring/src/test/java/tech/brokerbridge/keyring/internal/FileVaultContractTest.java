package tech.brokerbridge.keyring.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import tech.brokerbridge.ports.Secret;
import tech.brokerbridge.ports.secrets.SecretStore;
import tech.brokerbridge.ports.tck.SecretStoreContract;

/** The file backend ({@code secrets.json}) against the port's contract. */
class FileVaultContractTest extends SecretStoreContract {
    @TempDir
    Path temp;
    private final List<FernetSecretStore> opened = new ArrayList<>();

    private Path dataDir() {
        return temp.resolve("data");
    }

    /**
     * The vault was made on machine B and copied to machine A, as a moved vault is: B's values are then
     * "encrypted on another machine". (A value of B's planted in a vault made here would be damage: the
     * vault's key check says this machine's key is the right one.)
     */
    @Override
    protected SecretStore newStore() {
        if (!java.nio.file.Files.exists(dataDir().resolve(VaultMetadata.FILE))) {
            TestVaults.openFile(dataDir(), "machine-B").close();
        }
        FernetSecretStore store = TestVaults.openFile(dataDir(), "machine-A");
        opened.add(store);
        return store;
    }

    @Override
    protected void makeUndecryptable(SecretStore store, String name) {
        try (FernetSecretStore elsewhere = TestVaults.openFile(dataDir(), "machine-B")) {
            elsewhere.put(name, Secret.of("saved on machine B"));
        }
    }

    @AfterEach
    void close() {
        opened.forEach(FernetSecretStore::close);
    }
}
