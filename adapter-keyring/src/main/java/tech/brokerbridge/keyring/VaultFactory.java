package tech.brokerbridge.keyring;

import java.util.List;
import java.util.Optional;
import tech.brokerbridge.keyring.internal.Backend;
import tech.brokerbridge.keyring.internal.FernetSecretStore;
import tech.brokerbridge.keyring.internal.KeyDerivation;
import tech.brokerbridge.keyring.internal.MachineFingerprint;
import tech.brokerbridge.keyring.internal.SystemProbe;
import tech.brokerbridge.keyring.internal.VaultOpener;
import tech.brokerbridge.keyring.internal.VaultReset;
import tech.brokerbridge.ports.Secret;
import tech.brokerbridge.ports.secrets.SecretEntry;
import tech.brokerbridge.ports.secrets.StoreInfo;

/**
 * Opens the credential vault ({@code adapter-keyring}'s one entry point).
 *
 * <p>Opening reads the machine fingerprint (Linux {@code /etc/machine-id} then
 * {@code /var/lib/dbus/machine-id}, macOS {@code IOPlatformUUID}, Windows {@code MachineGuid},
 * combined with the OS user name; or the configured override), connects to the OS keyring when the
 * backend asks for it (at most 5 seconds), and derives the vault key with PBKDF2-HMAC-SHA256 at
 * 480,000 iterations: the first open in a process therefore blocks for a few hundred
 * milliseconds of CPU. The key is held in memory by the returned vault and never derived again by
 * it; open once per process and share the vault (it is thread-safe).
 */
public final class VaultFactory {
    private VaultFactory() {}

    /**
     * Opens (creating if needed) the vault described by {@code config}.
     *
     * @throws tech.brokerbridge.ports.secrets.SecretStoreException (not retryable) when the backend
     *     is {@code keyring} and no OS keyring answers, when no machine identifier is found and no
     *     override is set, or when the vault's files are damaged or cannot be written
     */
    public static Vault open(VaultConfig config) {
        FernetSecretStore store = VaultOpener.standard()
                .open(config.dataDir(), Backend.parse(config.backend()), config.machineIdOverride());
        return new OpenedVault(store);
    }

    /**
     * A task that gets the key derivation compiled before a vault opens, for a thread of its own started
     * at the very beginning of a process that will {@link #open} a vault: in a fresh JVM the 480,000
     * iterations otherwise run mostly as interpreted or C1 code, without the CPU's SHA instructions (about
     * 0.45 s of CPU instead of 0.1 s). It derives nothing from the machine's material: it runs the same code
     * on a fixed, public input, for at most about 0.5 s of CPU, and ends as soon as a vault's key derivation
     * begins in this process. Running it is optional; nothing depends on it.
     */
    public static Runnable keyDerivationWarmUp() {
        return KeyDerivation.warmUp();
    }

    /**
     * This installation's id, the one {@link Vault#installationId()} of the vault in {@code config}
     * gives, without opening the vault: it reads the machine fingerprint only (no key derivation, no
     * keyring), so it is fast.
     *
     * @throws tech.brokerbridge.ports.secrets.SecretStoreException (not retryable) when no machine
     *     identifier is found and no override is set
     */
    public static String installationId(VaultConfig config) {
        MachineFingerprint fingerprint = MachineFingerprint.detect(config.machineIdOverride(), SystemProbe.real());
        try {
            return fingerprint.installationId();
        } finally {
            fingerprint.wipe();
        }
    }

    /**
     * Deletes every stored secret of the vault in {@code config.dataDir()} (the encrypted file, the OS keyring
     * entries it indexes) and its key parameters ({@code vault.json}), so that the next {@link #open} starts an
     * empty vault. The way out when {@code vault.json} is lost while secrets exist, or the vault's files are
     * damaged; every credential must be entered again afterwards. Blocks on the data directory's lock and, when
     * keyring entries are indexed, on the keyring (at most its timeout).
     *
     * @return how many stored secrets were removed
     * @throws java.io.UncheckedIOException when a file cannot be deleted
     */
    public static int reset(VaultConfig config) {
        return VaultReset.standard().reset(config.dataDir()).secretsRemoved();
    }

    /** Keeps the published type separate from the implementation under {@code internal}. */
    private static final class OpenedVault implements Vault {
        private final FernetSecretStore store;

        OpenedVault(FernetSecretStore store) {
            this.store = store;
        }

        @Override
        public void put(String name, Secret value) {
            store.put(name, value);
        }

        @Override
        public Optional<Secret> get(String name) {
            return store.get(name);
        }

        @Override
        public boolean delete(String name) {
            return store.delete(name);
        }

        @Override
        public List<SecretEntry> list() {
            return store.list();
        }

        @Override
        public StoreInfo info() {
            return store.info();
        }

        @Override
        public String installationId() {
            return store.installationId();
        }

        @Override
        public void close() {
            store.close();
        }

        @Override
        public String toString() {
            return "Vault[" + store.info().backend() + "]";
        }
    }
}
