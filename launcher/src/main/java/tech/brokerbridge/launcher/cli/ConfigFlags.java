package tech.brokerbridge.launcher.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import tech.brokerbridge.launcher.config.Config;
import tech.brokerbridge.launcher.config.ConfigLoader;

/**
 * {@code --home} and {@code --set}, mixed into a command whose subcommands load the configuration
 * {@code serve} would use (both options are inherited, so they may follow the subcommand too).
 */
final class ConfigFlags {
    @Option(names = "--home", scope = CommandLine.ScopeType.INHERIT,
            description = "data directory (default: $BROKERBRIDGE_HOME or ~/.brokerbridge)")
    Path home;

    @Option(names = {"-s", "--set"}, paramLabel = "KEY=VALUE", scope = CommandLine.ScopeType.INHERIT,
            description = "set a configuration key as serve would, e.g. --set secrets.backend=file")
    List<String> settings = new ArrayList<>();

    /**
     * The configuration {@code serve} would use in {@code env}, with these flags.
     *
     * @throws tech.brokerbridge.launcher.config.ConfigException listing every problem
     */
    Config load(Map<String, String> env) {
        return ConfigLoader.load(env, Path.of(System.getProperty("user.home")), Optional.ofNullable(home),
                settings.stream().map(ConfigLoader.Flag::set).toList());
    }
}
