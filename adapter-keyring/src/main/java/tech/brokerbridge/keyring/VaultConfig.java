package tech.brokerbridge.keyring;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import tech.brokerbridge.ports.config.Setting;
import tech.brokerbridge.ports.config.SettingGroup;
import tech.brokerbridge.ports.config.SettingsView;

/**
 * How to open the vault. It owns the settings {@link #BACKEND} and {@link #MACHINE_ID}
 * ({@link #SETTINGS}) and builds itself from configured values with {@link #from}.
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
    public static final Setting<String> BACKEND = Setting.choice("secrets.backend", List.of("auto", "keyring", "file"),
            "auto", "where encrypted credentials live");
    public static final Setting<String> MACHINE_ID = Setting.secret("machine_id", Pattern.compile(".{8,}"),
            "at least 8 characters",
            "overrides the machine fingerprint (containers without /etc/machine-id). Environment only");
    /** The adapter's settings. */
    public static final SettingGroup SETTINGS = SettingGroup.of("VaultConfig", List.of(BACKEND, MACHINE_ID));

    /** The backend used when none is configured. */
    public static final String DEFAULT_BACKEND = BACKEND.defaultValue().orElseThrow();

    public VaultConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(machineIdOverride, "machineIdOverride");
        backend = backend.strip().toLowerCase(Locale.ROOT);
        SETTINGS.require(Map.of(BACKEND, backend));
        machineIdOverride = machineIdOverride.map(String::strip).filter(s -> !s.isEmpty());
    }

    /** The vault in {@code dataDir} from configured values. */
    public static VaultConfig from(Path dataDir, SettingsView settings) {
        return new VaultConfig(dataDir, settings.get(BACKEND), settings.find(MACHINE_ID));
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
