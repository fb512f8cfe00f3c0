package tech.brokerbridge.keyring.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.SortedSet;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.ports.secrets.SecretStoreException;

/**
 * Deletes every stored secret and the vault's key parameters, so that the next open starts an empty vault
 * with a new salt: the way out when {@code vault.json} is lost (the secrets cannot be decrypted without
 * it) or the stored files are damaged beyond repair. Needs no key: it reads names only.
 */
public final class VaultReset {
    private static final Logger LOG = LoggerFactory.getLogger(VaultReset.class);

    /** What a reset removed; {@code keyringEntriesLeft} were indexed but no keyring answered to delete them. */
    public record Report(int secretsRemoved, int keyringEntriesLeft) {
    }

    private final KeyringAccess.Connector connector;
    private final String service;
    private final Duration timeout;

    public VaultReset(KeyringAccess.Connector connector, String service, Duration timeout) {
        this.connector = connector;
        this.service = service;
        this.timeout = timeout;
    }

    public static VaultReset standard() {
        return new VaultReset(JavaKeyringClient::create, VaultOpener.SERVICE, KeyringAccess.DEFAULT_TIMEOUT);
    }

    /** Resets the vault in {@code dataDir}; a directory without a vault is left as it is. */
    public Report reset(Path dataDir) {
        if (!Files.isDirectory(dataDir)) {
            return new Report(0, 0);
        }
        return SecureFiles.withLock(dataDir.resolve(FileLocks.LOCK_FILE), () -> {
            SortedSet<String> files = names(() -> new FileTokenStorage(dataDir).names());
            SortedSet<String> indexed = names(() -> KeyringTokenStorage.indexedNames(dataDir));
            int left = indexed.isEmpty() ? 0 : deleteFromKeyring(indexed);
            delete(dataDir.resolve(FileTokenStorage.FILE));
            delete(dataDir.resolve(KeyringTokenStorage.INDEX_FILE));
            delete(dataDir.resolve(VaultMetadata.FILE));
            TreeSet<String> all = new TreeSet<>(files);
            all.addAll(indexed);
            LOG.info("vault reset in {}: {} stored secret(s) removed", dataDir, all.size());
            return new Report(all.size(), left);
        });
    }

    private int deleteFromKeyring(SortedSet<String> names) {
        // the probe writes a token like every other keyring entry: one under a throwaway key
        byte[] key = new byte[Fernet.KEY_BYTES];
        SecureRandom random = new SecureRandom();
        random.nextBytes(key);
        String probe = new Fernet(key, Clock.systemUTC(), random).encrypt(new byte[0]);
        try (KeyringAccess keyring = KeyringAccess.connect(connector, timeout, service, VaultOpener.PROBE_ACCOUNT,
                probe)) {
            for (String name : names) {
                keyring.delete(service, name);
            }
            return 0;
        } catch (KeyringClient.KeyringFailure | SecretStoreException ex) {
            LOG.warn("no OS keyring answered ({}): {} entry(ies) of service '{}' stay in it, unreadable without "
                    + "the old vault.json; a later save replaces them", ex.getMessage(), names.size(), service);
            return names.size();
        }
    }

    private static SortedSet<String> names(java.util.function.Supplier<SortedSet<String>> read) {
        try {
            return read.get();
        } catch (SecretStoreException ex) {
            return new TreeSet<>();   // damaged: its names are lost with it
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot delete " + file, ex);
        }
    }
}
