package tech.brokerbridge.keyring.internal;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.ports.secrets.SecretStoreException;

/**
 * Opens a vault: reads the fingerprint, tightens file permissions, loads or creates
 * {@code vault.json}, derives the key (once: the returned store holds it) and picks the backend. The
 * OS keyring is connected to (and probed with a read) on its own thread while the key is derived.
 */
public final class VaultOpener {
    /** The keyring service under which every entry is stored. */
    public static final String SERVICE = "brokerbridge";
    static final String PROBE_ACCOUNT = "__probe__";
    private static final Logger LOG = LoggerFactory.getLogger(VaultOpener.class);

    private final KeyringAccess.Connector connector;
    private final SystemProbe probe;
    private final Clock clock;
    private final SecureRandom random;
    private final int iterations;
    private final String service;
    private final Duration keyringTimeout;

    /**
     * @param iterations PBKDF2 iterations for new vaults and the floor for existing ones; lower than
     *     {@link KeyDerivation#ITERATIONS} only in tests
     * @param service the keyring service; another than {@link #SERVICE} only in tests
     */
    public VaultOpener(KeyringAccess.Connector connector, SystemProbe probe, Clock clock, SecureRandom random,
            int iterations, String service, Duration keyringTimeout) {
        this.connector = Objects.requireNonNull(connector, "connector");
        this.probe = Objects.requireNonNull(probe, "probe");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.iterations = iterations;
        this.service = Objects.requireNonNull(service, "service");
        this.keyringTimeout = Objects.requireNonNull(keyringTimeout, "keyringTimeout");
    }

    /** The production opener: java-keyring, the real OS, the system clock, 480,000 iterations. */
    public static VaultOpener standard() {
        return new VaultOpener(JavaKeyringClient::create, SystemProbe.real(), Clock.systemUTC(), new SecureRandom(),
                KeyDerivation.ITERATIONS, SERVICE, KeyringAccess.DEFAULT_TIMEOUT);
    }

    /**
     * Opens the vault in {@code dataDir}.
     *
     * @throws SecretStoreException when {@code backend} is KEYRING and no keyring answers, when no
     *     machine fingerprint can be found, or when the vault's files are damaged
     */
    public FernetSecretStore open(Path dataDir, Backend backend, Optional<String> machineIdOverride) {
        MachineFingerprint fingerprint = MachineFingerprint.detect(machineIdOverride, probe);
        try {
            SecureFiles.ensureDirectory(dataDir);
            tightenPermissions(dataDir);
            VaultMetadata metadata = VaultMetadata.loadOrCreate(dataDir, random, iterations, secretsExist(dataDir));
            // the keyring connects on its own thread while the key is derived here
            Optional<KeyringAccess.Pending> connecting = backend == Backend.FILE ? Optional.empty()
                    : Optional.of(KeyringAccess.begin(connector, keyringTimeout, service, PROBE_ACCOUNT));
            Fernet fernet;
            try {
                fernet = deriveFernet(fingerprint, metadata);
            } catch (RuntimeException e) {
                connecting.ifPresent(KeyringAccess.Pending::abandon);
                throw e;
            }
            Optional<String> warning = Optional.empty();
            TokenStorage storage;
            if (connecting.isEmpty()) {
                storage = new FileTokenStorage(dataDir);
            } else {
                Optional<KeyringAccess> keyring = connectKeyring(backend, connecting.get(), fernet);
                if (keyring.isPresent()) {
                    storage = new KeyringTokenStorage(keyring.get(), service, dataDir);
                } else {
                    storage = new FileTokenStorage(dataDir);
                    warning = Optional.of("No OS keyring answered, so secrets are kept in the encrypted file "
                            + dataDir.resolve(FileTokenStorage.FILE) + " (mode 0600) instead.");
                }
            }
            LOG.info("secret store opened: backend={}", storage.kind());
            boolean keyVerified = KeyCheck.establish(dataDir, metadata, fernet, storage);
            return new FernetSecretStore(fernet, storage, fingerprint.installationId(), warning, keyVerified);
        } catch (UncheckedIOException ex) {
            throw new SecretStoreException(ex.getMessage() + ": " + ex.getCause().getMessage(), false, false, ex);
        } finally {
            fingerprint.wipe();
        }
    }

    /** Whether either backend lists stored secrets (a damaged file lists none; it fails on its own later). */
    private static boolean secretsExist(Path dataDir) {
        if (new FileTokenStorage(dataDir).holdsSecrets()) {
            return true;
        }
        try {
            return !KeyringTokenStorage.indexedNames(dataDir).isEmpty();
        } catch (SecretStoreException ex) {
            return false;
        }
    }

    private Optional<KeyringAccess> connectKeyring(Backend backend, KeyringAccess.Pending connecting, Fernet fernet) {
        try {
            // even the probe entry is a token: nothing but tokens is ever written to the keyring
            String probeToken = fernet.encrypt(new byte[0]);
            KeyringAccess access = connecting.finish(probeToken);
            LOG.info("OS keyring answered: {}", access.description());
            return Optional.of(access);
        } catch (KeyringClient.KeyringFailure ex) {
            if (backend == Backend.KEYRING) {
                throw new SecretStoreException(
                        "secrets.backend=keyring but no OS keyring answered: " + ex.getMessage(), false, false, ex);
            }
            LOG.warn("No OS keyring answered ({}); secrets fall back to the encrypted file secrets.json", ex.getMessage());
            return Optional.empty();
        }
    }

    private static void tightenPermissions(Path dataDir) {
        for (String name : new String[] {VaultMetadata.FILE, FileTokenStorage.FILE, KeyringTokenStorage.INDEX_FILE}) {
            if (SecureFiles.tighten(dataDir.resolve(name))) {
                LOG.warn("{} was readable by others: its mode is now 0600", dataDir.resolve(name));
            }
        }
    }

    private Fernet deriveFernet(MachineFingerprint fingerprint, VaultMetadata metadata) {
        byte[] password = fingerprint.material();
        byte[] salt = metadata.salt();
        byte[] key = KeyDerivation.pbkdf2HmacSha256(password, salt, metadata.iterations(), Fernet.KEY_BYTES);
        try {
            return new Fernet(key, clock, random);
        } finally {
            Arrays.fill(password, (byte) 0);
            Arrays.fill(key, (byte) 0);
        }
    }
}
