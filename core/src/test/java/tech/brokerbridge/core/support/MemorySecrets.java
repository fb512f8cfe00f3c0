package tech.brokerbridge.core.support;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tech.brokerbridge.ports.Secret;
import tech.brokerbridge.ports.secrets.SecretEntry;
import tech.brokerbridge.ports.secrets.SecretState;
import tech.brokerbridge.ports.secrets.SecretStore;
import tech.brokerbridge.ports.secrets.StoreInfo;

/** A private in-memory secret store for core tests. */
public final class MemorySecrets implements SecretStore {
    private final Map<String, Secret> values = new TreeMap<>();

    @Override
    public synchronized void put(String name, Secret value) {
        values.put(name, value);
    }

    @Override
    public synchronized Optional<Secret> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    @Override
    public synchronized boolean delete(String name) {
        return values.remove(name) != null;
    }

    @Override
    public synchronized List<SecretEntry> list() {
        return values.keySet().stream().map(n -> new SecretEntry(n, SecretState.SAVED)).toList();
    }

    @Override
    public StoreInfo info() {
        return new StoreInfo("memory", true, Optional.empty());
    }
}
