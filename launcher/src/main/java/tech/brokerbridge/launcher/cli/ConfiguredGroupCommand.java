package tech.brokerbridge.launcher.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import tech.brokerbridge.launcher.config.Config;
import tech.brokerbridge.launcher.config.ConfigLoader;

/**
 * A command group ({@code credentials}, {@code notifications}) whose subcommands act with the
 * configuration {@code serve} would use. {@code --home} and {@code --set} are inherited, so they may
 * follow the subcommand too. Run alone, the group prints its usage.
 */
abstract class ConfiguredGroupCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--home", scope = CommandLine.ScopeType.INHERIT,
            description = "data directory (default: $BROKERBRIDGE_HOME or ~/.brokerbridge)")
    Path home;

    @Option(names = {"-s", "--set"}, paramLabel = "KEY=VALUE", scope = CommandLine.ScopeType.INHERIT,
            description = "set a configuration key as serve would, e.g. --set secrets.backend=file")
    List<String> settings = new ArrayList<>();

    private final Map<String, String> env;

    ConfiguredGroupCommand(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    /**
     * The configuration {@code serve} would use, with this command's {@code --home} and {@code --set}.
     *
     * @throws tech.brokerbridge.launcher.config.ConfigException listing every problem
     */
    Config config() {
        return ConfigLoader.load(env, Path.of(System.getProperty("user.home")), Optional.ofNullable(home),
                settings.stream().map(ConfigLoader.Flag::set).toList());
    }
}
