package tech.brokerbridge.launcher.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path home;

    @Test
    void keysAreReplacedWhateverTheirSpellingAndOthersKept() throws Exception {
        ObjectNode before = (ObjectNode) JSON.readTree("{\"ai_provider.base_urls.claude\":\"http://a\","
                + "\"ai_provider\":{\"base_urls.openai\":\"http://b\",\"base_urls\":{\"google\":\"http://c\"}},"
                + "\"port\":9}");
        ObjectNode after = ConfigFile.updated(before, Map.of("ai_provider.base_urls.claude", "http://x",
                "ai_provider.base_urls.openai", "http://y", "watchlist", List.of("AAPL"), "risk.max_open_trades", 3,
                "risk.min_reward_risk", 2.5));
        assertEquals(JSON.readTree("{\"ai_provider\":{\"base_urls\":{\"google\":\"http://c\",\"claude\":\"http://x\","
                + "\"openai\":\"http://y\"}},\"port\":9,\"watchlist\":[\"AAPL\"],\"risk\":{\"max_open_trades\":3,"
                + "\"min_reward_risk\":2.5}}"), after, after.toString());
        assertTrue(before.has("ai_provider.base_urls.claude"), "the input is not changed");
    }

    @Test
    void secretsAndUnknownKeysAreNeverWritten() {
        ObjectNode empty = JSON.createObjectNode();
        assertThrows(IllegalArgumentException.class, () -> ConfigFile.updated(empty, Map.of("admin_token", "x")));
        assertThrows(IllegalArgumentException.class, () -> ConfigFile.updated(empty, Map.of("machine_id", "x")));
        assertThrows(IllegalArgumentException.class, () -> ConfigFile.updated(empty, Map.of("claude.api_key", "x")));
    }

    @Test
    void aStagedFileReplacesTheRealOneInOneMoveOrIsDiscarded() throws Exception {
        ConfigFile file = new ConfigFile(home);
        Files.writeString(file.path(), "{\"port\": 1}");
        try (ConfigFile.Staged s = file.stage((ObjectNode) JSON.readTree("{\"port\":2}"))) {
            assertEquals("{\"port\": 1}", Files.readString(file.path()), "not before the commit");
        }
        assertEquals(1, file.read().get("port").asInt());
        try (ConfigFile.Staged s = file.stage((ObjectNode) JSON.readTree("{\"port\":3}"))) {
            s.commit();
        }
        assertEquals(3, file.read().get("port").asInt());
        try (var files = Files.list(home)) {
            assertEquals(List.of(file.path()), files.toList(), "no staging directory is left");
        }
        assertFalse(Files.readString(file.path()).isBlank());
    }
}
