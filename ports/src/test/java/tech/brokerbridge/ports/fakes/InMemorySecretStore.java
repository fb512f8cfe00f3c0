package tech.brokerbridge.ports.fakes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import tech.brokerbridge.ports.Secret;
import tech.brokerbridge.ports.secrets.SecretEntry;
import tech.brokerbridge.ports.secrets.SecretState;
import tech.brokerbridge.ports.secrets.SecretStore;
import tech.brokerbridge.ports.secrets.SecretStoreException;
import tech.brokerbridge.ports.secrets.StoreInfo;

/**
 * A {@link SecretStore} in memory that passes the {@link tech.brokerbridge.ports.tck.SecretStoreContract}.
 * Test helpers: {@link #markUndecryptable} (a credential saved on another machine) and
 * {@link #setInfo} (e.g. the file fallback's warning, or an unavailable keyring). Thread-safe.
 */
public final class InMemorySecretStore implements SecretStore {
    /** The real vault's name rule. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    /** Empty value = stored but undecryptable. */
    private final Map<String, Optional<Secret>> values = new TreeMap<>();
    private volatile StoreInfo info = new StoreInfo("memory", true, Optional.empty());

    private static String checked(String name) {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a secret name is 1-100 letters, digits, '.', '_' or '-'");
        }
        return name;
    }

    private static Secret copy(Secret secret) {
        return Secret.of(secret.reveal());
    }

    @Override
    public synchronized void put(String name, Secret value) {
        checked(name);
        Objects.requireNonNull(value, "value");
        values.put(name, Optional.of(copy(value)));
    }

    @Override
    public synchronized Optional<Secret> get(String name) {
        Optional<Secret> stored = values.get(checked(name));
        if (stored == null) {
            return Optional.empty();
        }
        return Optional.of(copy(stored.orElseThrow(() -> SecretStoreException.undecryptable(name))));
    }

    @Override
    public synchronized boolean delete(String name) {
        return values.remove(checked(name)) != null;
    }

    @Override
    public synchronized List<SecretEntry> list() {
        List<SecretEntry> entries = new ArrayList<>();
        values.forEach((name, value) ->
                entries.add(new SecretEntry(name, value.isPresent() ? SecretState.SAVED : SecretState.UNDECRYPTABLE)));
        return List.copyOf(entries);
    }

    @Override
    public StoreInfo info() {
        return info;
    }

    /** Stores {@code name} as a value encrypted on another machine. */
    public synchronized void markUndecryptable(String name) {
        values.put(checked(name), Optional.empty());
    }

    /** What {@link #info()} answers from now on. */
    public void setInfo(StoreInfo info) {
        this.info = Objects.requireNonNull(info, "info");
    }

    @Override
    public String toString() {
        return "InMemorySecretStore[" + values.size() + " entries]";
    }
}
