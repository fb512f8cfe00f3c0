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

    @Override
    protected SecretStore newStore() {
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
