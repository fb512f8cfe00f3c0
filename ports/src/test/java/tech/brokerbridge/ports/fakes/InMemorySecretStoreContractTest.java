package tech.brokerbridge.ports.fakes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ports.secrets.SecretStore;
import tech.brokerbridge.ports.secrets.StoreInfo;
import tech.brokerbridge.ports.tck.SecretStoreContract;

class InMemorySecretStoreContractTest extends SecretStoreContract {
    @Override
    protected SecretStore newStore() {
        return new InMemorySecretStore();
    }

    @Override
    protected void makeUndecryptable(SecretStore store, String name) {
        ((InMemorySecretStore) store).markUndecryptable(name);
    }

    @Test
    void infoCanBeSetForTests() {
        InMemorySecretStore store = new InMemorySecretStore();
        StoreInfo fallback = new StoreInfo("file", true, Optional.of("no OS keyring answered"));
        store.setInfo(fallback);
        assertEquals(fallback, store.info());
    }
}
