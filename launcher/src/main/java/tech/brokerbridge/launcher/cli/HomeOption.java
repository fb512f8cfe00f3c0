package tech.brokerbridge.launcher.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;
import tech.brokerbridge.launcher.config.ConfigLoader;

/**
 * The {@code --home} option, mixed into every command that acts on a data directory. The commands that
 * do not load its configuration ({@code status}, {@code stop}, {@code logs}) {@link #resolve} it, so that
 * they work even when {@code config.json} does not; the others pass {@link #given} to the config loader.
 */
final class HomeOption {
    @Option(names = "--home", paramLabel = "DIR", description = "data directory (default: $BROKERBRIDGE_HOME or ~/.brokerbridge)")
    Path home;

    /** The data directory as {@code serve} finds it: {@code --home}, else {@code BROKERBRIDGE_HOME}, else {@code ~/.brokerbridge}. */
    Path resolve(Map<String, String> env) {
        return ConfigLoader.home(env, Path.of(System.getProperty("user.home")), given());
    }

    /** {@code --home} as given on the command line. */
    Optional<Path> given() {
        return Optional.ofNullable(home);
    }
}
