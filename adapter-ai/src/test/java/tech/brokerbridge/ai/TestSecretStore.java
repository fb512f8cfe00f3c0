package tech.brokerbridge.ai;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import tech.brokerbridge.ports.Secret;
import tech.brokerbridge.ports.secrets.SecretEntry;
import tech.brokerbridge.ports.secrets.SecretState;
import tech.brokerbridge.ports.secrets.SecretStore;
import tech.brokerbridge.ports.secrets.StoreInfo;

/** A tiny thread-safe in-memory vault for these tests. */
final class TestSecretStore implements SecretStore {
    private final Map<String, String> values = new ConcurrentSkipListMap<>();

    TestSecretStore with(String name, String value) {
        values.put(name, value);
        return this;
    }

    @Override
    public void put(String name, Secret value) {
        values.put(name, value.reveal());
    }

    @Override
    public Optional<Secret> get(String name) {
        return Optional.ofNullable(values.get(name)).map(Secret::of);
    }

    @Override
    public boolean delete(String name) {
        return values.remove(name) != null;
    }

    @Override
    public List<SecretEntry> list() {
        return values.keySet().stream().map(n -> new SecretEntry(n, SecretState.SAVED)).toList();
    }

    @Override
    public StoreInfo info() {
        return new StoreInfo("memory", true, Optional.empty());
    }

    /** Every stored value, for privacy assertions. */
    Map<String, String> all() {
        return Map.copyOf(values);
    }
}
