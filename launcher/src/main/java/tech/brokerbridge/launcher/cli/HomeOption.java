package tech.brokerbridge.launcher.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;
import tech.brokerbridge.launcher.config.Settings;

/**
 * The {@code --home} option of the commands that act on a data directory without loading its
 * configuration ({@code status}, {@code stop}), so that they work even when {@code config.json} does not.
 */
final class HomeOption {
    @Option(names = "--home", paramLabel = "DIR", description = "data directory (default: $BROKERBRIDGE_HOME or ~/.brokerbridge)")
    Path home;

    /** The data directory as {@code serve} finds it: {@code --home}, else {@code BROKERBRIDGE_HOME}, else {@code ~/.brokerbridge}. */
    Path resolve(Map<String, String> env) {
        Path dir = Optional.ofNullable(home).orElseGet(() -> Optional.ofNullable(env.get(Settings.HOME_ENV))
                .filter(s -> !s.isBlank()).map(Path::of)
                .orElse(Path.of(System.getProperty("user.home")).resolve(".brokerbridge")));
        return dir.toAbsolutePath().normalize();
    }
}
