package tech.brokerbridge.launcher.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.brokerbridge.core.DeskConfig.RiskLimits;
import tech.brokerbridge.core.DeskConfig.ScoreWeights;
import tech.brokerbridge.launcher.config.ConfigLoader;
import tech.brokerbridge.ports.config.ConfigurationStore;
import tech.brokerbridge.ports.config.Parsed;
import tech.brokerbridge.ports.config.Setting;
import tech.brokerbridge.ports.tck.ConfigurationStoreContract;

/** The staged configuration over config.json passes the port's contract, and keeps the file and the environment apart. */
class FileConfigurationStoreContractTest extends ConfigurationStoreContract {
    @TempDir
    Path home;

    @Override
    protected ConfigurationStore newStore() {
        return store(Map.of());
    }

    private FileConfigurationStore store(Map<String, String> env) {
        return new FileConfigurationStore(ConfigLoader.load(env, home, Optional.of(home), Map.of()));
    }

    @Override
    protected Setting<Integer> wholeNumber() {
        return RiskLimits.MAX_OPEN_TRADES;
    }

    @Override
    protected Map<String, Object> ruleBreakingChanges() {
        return Map.of(ScoreWeights.EVIDENCE.key(), 0.0, ScoreWeights.QUALITY.key(), 0.0, ScoreWeights.CONVICTION.key(), 0.0);
    }

    @Override
    protected List<String> ruleKeys() {
        return List.of(ScoreWeights.EVIDENCE.key(), ScoreWeights.QUALITY.key(), ScoreWeights.CONVICTION.key());
    }

    @Test
    void aCommitWritesTheFileAndAClosedStagingLeavesNothingBehind() throws Exception {
        FileConfigurationStore store = store(Map.of());
        try (ConfigurationStore.Staged staged = store.stage(Map.of("risk.max_open_trades", 3))) {
            assertFalse(Files.exists(home.resolve("config.json")));
            staged.commit();
        }
        assertTrue(Files.readString(home.resolve("config.json")).contains("\"max_open_trades\" : 3"));
        try (var files = Files.list(home)) {
            assertEquals(List.of(home.resolve("config.json")), files.toList());
        }
    }

    @Test
    void aKeyTheEnvironmentSetsIsNamedAsSuchAndSecretsCannotBeSet() {
        FileConfigurationStore store = store(Map.of("BROKERBRIDGE_SCAN_INTERVAL_MINUTES", "7"));
        assertEquals(Optional.of("the environment variable BROKERBRIDGE_SCAN_INTERVAL_MINUTES"),
                store.override("scan_interval_minutes"));
        assertEquals(Optional.empty(), store.override("risk.max_open_trades"));
        assertEquals(new Parsed.Problem<>("cannot be set here"), store.read("admin_token", "0123456789abcdef-x"));
    }
}
