package tech.brokerbridge.core.internal.license;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import tech.brokerbridge.ports.Secret;
import tech.brokerbridge.ports.fakes.InMemorySecretStore;
import tech.brokerbridge.ports.secrets.SecretEntry;
import tech.brokerbridge.ports.secrets.SecretStore;
import tech.brokerbridge.ports.secrets.SecretStoreException;
import tech.brokerbridge.ports.secrets.StoreInfo;

/** An in-memory vault that can be told to fail reads, or writes of one name. */
final class FlakyVault implements SecretStore {
    private final InMemorySecretStore inner = new InMemorySecretStore();
    private volatile boolean failReads;
    private volatile String failPutOf = "";
    private final AtomicInteger reads = new AtomicInteger();

    void failReads(boolean fail) {
        this.failReads = fail;
    }

    void failPutOf(String name) {
        this.failPutOf = name;
    }

    int reads() {
        return reads.get();
    }

    @Override
    public void put(String name, Secret value) {
        if (name.equals(failPutOf)) {
            throw new SecretStoreException("the keyring is locked (test)", true, false, null);
        }
        inner.put(name, value);
    }

    @Override
    public Optional<Secret> get(String name) {
        reads.incrementAndGet();
        if (failReads) {
            throw new SecretStoreException("the keyring is locked (test)", true, false, null);
        }
        return inner.get(name);
    }

    @Override
    public boolean delete(String name) {
        return inner.delete(name);
    }

    @Override
    public List<SecretEntry> list() {
        return inner.list();
    }

    @Override
    public StoreInfo info() {
        return inner.info();
    }
}
