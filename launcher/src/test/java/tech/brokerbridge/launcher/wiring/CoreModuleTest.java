package tech.brokerbridge.launcher.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.brokerbridge.core.DeskConfig;
import tech.brokerbridge.launcher.config.Config;
import tech.brokerbridge.launcher.config.ConfigException;
import tech.brokerbridge.launcher.config.ConfigLoader;

class CoreModuleTest {
    @TempDir
    Path dir;

    private Config load(Map<String, String> flags) {
        return ConfigLoader.load(Map.of(), dir.resolve("user"), Optional.of(dir.resolve("home")), flags);
    }

    @Test
    void theCooldownDefaultsToTheRestOfTheTradingDayAndIsTakenInMinutes() {
        assertEquals(Duration.ZERO, DeskConfig.from("test", load(Map.of())).proposalCooldown());
        assertEquals(Duration.ofMinutes(90),
                DeskConfig.from("test", load(Map.of("proposal_cooldown_minutes", "90"))).proposalCooldown());
        ConfigException e = assertThrows(ConfigException.class,
                () -> load(Map.of("proposal_cooldown_minutes", "10081")));
        assertTrue(e.getMessage().contains("proposal_cooldown_minutes"), e.getMessage());
    }
}
