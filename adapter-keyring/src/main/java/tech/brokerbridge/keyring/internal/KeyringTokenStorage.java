package tech.brokerbridge.keyring.internal;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import tech.brokerbridge.ports.secrets.SecretStoreException;

/**
 * Tokens in the OS keyring, one entry per name under one service ({@code brokerbridge}).
 *
 * <p>java-keyring cannot enumerate entries, so the names live in {@code keyring-index.json} in the
 * data directory (names only, never values). The index is the authority on what the vault holds:
 * a name is added to it before its entry is written and removed after its entry is deleted, so a
 * crash leaves at worst an indexed name with no entry (skipped when listing) and never an entry
 * the vault cannot find. Entries that are not in the index (left by another data directory) are
 * not read; a put over the same name replaces them.
 */
public final class KeyringTokenStorage implements TokenStorage {
    public static final String INDEX_FILE = "keyring-index.json";
    private final KeyringAccess keyring;
    private final String service;
    private final Path indexFile;
    private final Path lockFile;

    public KeyringTokenStorage(KeyringAccess keyring, String service, Path dataDir) {
        this.keyring = keyring;
        this.service = service;
        this.indexFile = dataDir.resolve(INDEX_FILE);
        this.lockFile = dataDir.resolve(FileLocks.LOCK_FILE);
    }

    @Override
    public String kind() {
        return "keyring";
    }

    @Override
    public boolean available() {
        return keyring.available();
    }

    String description() {
        return keyring.description();
    }

    @Override
    public Optional<String> read(String name) {
        if (!names().contains(name)) {
            return Optional.empty();
        }
        return keyring.get(service, name);
    }

    @Override
    public void write(String name, String token) {
        updateIndex(names -> names.add(name));
        keyring.set(service, name, token);
    }

    @Override
    public boolean remove(String name) {
        boolean removedEntry = keyring.delete(service, name);
        boolean wasIndexed = updateIndex(names -> names.remove(name));
        return removedEntry || wasIndexed;
    }

    @Override
    public SortedSet<String> names() {
        return readIndex(indexFile);
    }

    /** The names listed by the index of {@code dataDir}, without touching the keyring. */
    static SortedSet<String> indexedNames(Path dataDir) {
        return readIndex(dataDir.resolve(INDEX_FILE));
    }

    private static SortedSet<String> readIndex(Path indexFile) {
        Optional<String> text;
        try {
            text = SecureFiles.read(indexFile);
        } catch (UncheckedIOException ex) {
            throw new SecretStoreException("cannot read " + indexFile + ": " + ex.getCause().getMessage(), true, false, ex);
        }
        TreeSet<String> names = new TreeSet<>();
        if (text.isEmpty()) {
            return names;
        }
        try {
            List<String> items = VaultJson.read(text.get(), VaultJson.Index.class).names();
            if (items == null) {
                throw new IllegalArgumentException("no \"names\" list");
            }
            for (String name : items) {
                if (name == null) {
                    throw new IllegalArgumentException("a name is not a string");
                }
                names.add(name);
            }
            return names;
        } catch (RuntimeException ex) {
            throw new SecretStoreException(indexFile + " is damaged (" + ex.getMessage()
                    + "); move it away and enter the credentials again", false, false, null);
        }
    }

    private interface IndexChange {
        boolean apply(SortedSet<String> names);
    }

    private boolean updateIndex(IndexChange change) {
        return SecureFiles.withLock(lockFile, () -> {
            SortedSet<String> names = names();
            if (!change.apply(names)) {
                return false;
            }
            try {
                SecureFiles.writeAtomically(indexFile,
                        VaultJson.write(new VaultJson.Index(1L, service, new ArrayList<>(names))));
            } catch (UncheckedIOException ex) {
                throw new SecretStoreException("cannot write " + indexFile + ": " + ex.getCause().getMessage(),
                        true, false, ex);
            }
            return true;
        });
    }

    @Override
    public void close() {
        keyring.close();
    }

    @Override
    public String toString() {
        return "KeyringTokenStorage[service=" + service + "]";
    }
}
