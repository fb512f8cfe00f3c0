package tech.brokerbridge.launcher.setup;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tech.brokerbridge.launcher.config.Config;
import tech.brokerbridge.launcher.config.ConfigLoader;
import tech.brokerbridge.launcher.config.Setting;
import tech.brokerbridge.launcher.config.Settings;

/**
 * Loads the configuration again, as the next start would: the same environment variables and flags
 * as the running configuration (recovered from where each of its values came from) over a new
 * {@code config.json}. So the wizard can never save a file that the next start would refuse.
 */
final class ConfigReloader {
    private static final String ENVIRONMENT = "environment ";
    private final Map<String, String> env = new LinkedHashMap<>();
    private final Map<String, String> flags = new LinkedHashMap<>();

    ConfigReloader(Config running) {
        for (Setting s : Settings.all()) {
            String source = running.source(s.key());
            String value = running.value(s.key()).orElse("");
            if (source.startsWith(ENVIRONMENT)) {
                env.put(source.substring(ENVIRONMENT.length()), value);
            } else if (source.equals("flag")) {
                flags.put(s.key(), value);
            }
        }
    }

    /**
     * The configuration with {@code dir/config.json}.
     *
     * @throws tech.brokerbridge.launcher.config.ConfigException listing every problem
     */
    Config load(Path dir) {
        return ConfigLoader.load(env, dir, Optional.of(dir), flags);
    }

    /** Where a key's value comes from when it is not the file: an environment variable or a flag. */
    static Optional<String> override(Config running, String key) {
        String source = running.source(key);
        if (source.startsWith(ENVIRONMENT)) {
            return Optional.of("the environment variable " + source.substring(ENVIRONMENT.length()));
        }
        return source.equals("flag") ? Optional.of("a command-line flag") : Optional.empty();
    }
}
