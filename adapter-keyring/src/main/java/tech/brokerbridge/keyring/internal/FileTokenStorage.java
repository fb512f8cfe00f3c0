package tech.brokerbridge.keyring.internal;

import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import tech.brokerbridge.ports.secrets.SecretStoreException;
import tech.brokerbridge.ports.secrets.VaultDamagedException;

/**
 * {@code secrets.json} in the data directory, mode 0600: {@code {"format":1,"secrets":{name: token}}}.
 * Read on every call (so a CLI and a running desk see each other's changes), rewritten atomically
 * under the data directory's lock.
 */
public final class FileTokenStorage implements TokenStorage {
    public static final String FILE = "secrets.json";
    private final Path file;
    private final Path lockFile;

    public FileTokenStorage(Path dataDir) {
        this.file = dataDir.resolve(FILE);
        this.lockFile = dataDir.resolve(FileLocks.LOCK_FILE);
    }

    Path file() {
        return file;
    }

    @Override
    public String kind() {
        return "file";
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public Optional<String> read(String name) {
        return Optional.ofNullable(load().get(name));
    }

    @Override
    public void write(String name, String token) {
        SecureFiles.withLock(lockFile, () -> {
            TreeMap<String, String> tokens = load();
            tokens.put(name, token);
            save(tokens);
            return null;
        });
    }

    @Override
    public boolean remove(String name) {
        return SecureFiles.withLock(lockFile, () -> {
            TreeMap<String, String> tokens = load();
            if (tokens.remove(name) == null) {
                return false;
            }
            save(tokens);
            return true;
        });
    }

    @Override
    public SortedSet<String> names() {
        return new TreeSet<>(load().keySet());
    }

    private TreeMap<String, String> load() {
        Optional<String> text;
        try {
            text = SecureFiles.read(file);
        } catch (UncheckedIOException ex) {
            if (ex.getCause() instanceof CharacterCodingException) {
                throw damaged("not UTF-8 text");
            }
            throw new SecretStoreException("cannot read " + file + ": " + ex.getCause().getMessage(), true, false, ex);
        }
        TreeMap<String, String> tokens = new TreeMap<>();
        if (text.isEmpty()) {
            return tokens;
        }
        try {
            Map<String, String> secrets = VaultJson.read(text.get(), VaultJson.Secrets.class).secrets();
            if (secrets == null) {
                throw new IllegalArgumentException("no \"secrets\" object");
            }
            for (Map.Entry<String, String> entry : secrets.entrySet()) {
                if (entry.getValue() == null) {
                    throw new IllegalArgumentException("a value is not a string");
                }
                tokens.put(entry.getKey(), entry.getValue());
            }
            return tokens;
        } catch (RuntimeException ex) { // truncated, garbled or of the wrong shape: all the same damage
            // never quote the content: it holds tokens
            throw damaged(ex instanceof IllegalArgumentException ? ex.getMessage() : "not valid JSON");
        }
    }

    /** Readable stored secrets exist (a damaged file holds none that could still be opened). */
    boolean holdsSecrets() {
        try {
            return !load().isEmpty();
        } catch (SecretStoreException ex) {
            return false;
        }
    }

    private VaultDamagedException damaged(String why) {
        return new VaultDamagedException(file + " is damaged (" + why + "): the stored credentials cannot be read. "
                + "Restore it from a backup, or move it away (or run 'brokerbridge credentials reset') to start "
                + "with an empty vault and enter the credentials again");
    }

    private void save(TreeMap<String, String> tokens) {
        try {
            SecureFiles.writeAtomically(file, VaultJson.write(new VaultJson.Secrets(1L, tokens)));
        } catch (UncheckedIOException ex) {
            throw new SecretStoreException("cannot write " + file + ": " + ex.getCause().getMessage(), true, false, ex);
        }
    }

    @Override
    public void close() {
        // nothing held open
    }

    @Override
    public String toString() {
        return "FileTokenStorage[" + file + "]";
    }
}
