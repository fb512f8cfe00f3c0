package tech.brokerbridge.launcher.config;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tech.brokerbridge.ports.config.Setting;

/**
 * Issue 14.12: the configuration loader's public entry, {@link ConfigLoader#load}, on any {@code config.json}
 * and any environment value. It returns a configuration or refuses with {@link ConfigException} naming the
 * problems; nothing else may escape. The regular test run replays the seeds in
 * {@code ConfigLoaderFuzzTestInputs/}; {@code bench/fuzz/run.sh} fuzzes.
 */
class ConfigLoaderFuzzTest {
    private static final Path HOME = home();
    private static final List<Setting<?>> SETTINGS = Settings.all();

    private static Path home() {
        try {
            Path dir = Files.createTempDirectory("bb-config-fuzz");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Byte 0 even: the rest is {@code config.json}. Odd: byte 1 picks a setting and the rest is the value of
     * its environment variable (with the default file).
     */
    @FuzzTest
    void anyFileOrValueLoadsOrIsRefused(byte[] input) throws IOException {
        if (input.length == 0) {
            return;
        }
        Path file = HOME.resolve(ConfigLoader.CONFIG_FILE);
        Map<String, String> env = Map.of();
        if ((input[0] & 1) == 0) {
            Files.write(file, java.util.Arrays.copyOfRange(input, 1, input.length));
        } else {
            Files.deleteIfExists(file);
            if (input.length > 1) {
                Setting<?> s = SETTINGS.get((input[1] & 0xFF) % SETTINGS.size());
                String value = new String(input, 2, input.length - 2, StandardCharsets.UTF_8).replace('\0', ' ');
                env = Map.of(s.envName(), value);
            }
        }
        try {
            ConfigLoader.load(env, HOME, Optional.of(HOME), Map.of());
        } catch (ConfigException refused) {
            // a clear refusal naming the problems: what bad input gets
        }
    }
}
