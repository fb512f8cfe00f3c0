package tech.brokerbridge.keyring;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How to open the vault.
 *
 * @param dataDir the data directory; holds {@code vault.json} (salt and KDF parameters), and
 *     {@code secrets.json} (file backend) or {@code keyring-index.json} (keyring backend), all mode
 *     0600. Created (mode 0700) when missing.
 * @param backend {@code secrets.backend}: {@code auto} (the OS keyring when one answers, otherwise
 *     the encrypted file with a warning), {@code keyring} (fail when none answers) or {@code file};
 *     any case, stored lower-case
 * @param machineIdOverride {@code BROKERBRIDGE_MACHINE_ID}: replaces the OS machine identifier (for
 *     containers that have none); blank counts as absent. The launcher reads the environment, not
 *     this adapter.
 */
public record VaultConfig(Path dataDir, String backend, Optional<String> machineIdOverride) {
    /** The backend used when none is configured. */
    public static final String DEFAULT_BACKEND = "auto";

    public VaultConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(machineIdOverride, "machineIdOverride");
        backend = backend.strip().toLowerCase(Locale.ROOT);
        if (!backend.equals("auto") && !backend.equals("keyring") && !backend.equals("file")) {
            throw new IllegalArgumentException("secrets.backend must be auto, keyring or file");
        }
        machineIdOverride = machineIdOverride.map(String::strip).filter(s -> !s.isEmpty());
    }

    /** {@code auto} backend, no override. */
    public static VaultConfig defaults(Path dataDir) {
        return new VaultConfig(dataDir, DEFAULT_BACKEND, Optional.empty());
    }

    @Override
    public String toString() {
        // the override is (part of) the key material: never print it
        return "VaultConfig[dataDir=" + dataDir + ", backend=" + backend
                + ", machineIdOverride=" + (machineIdOverride.isPresent() ? "set" : "unset") + "]";
    }
}
