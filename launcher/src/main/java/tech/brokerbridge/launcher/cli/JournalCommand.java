package tech.brokerbridge.launcher.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import tech.brokerbridge.launcher.config.Config;
import tech.brokerbridge.launcher.config.ConfigException;
import tech.brokerbridge.launcher.config.ConfigLoader;
import tech.brokerbridge.launcher.lifecycle.BackupPolicy;
import tech.brokerbridge.launcher.lifecycle.JournalBackups;

/**
 * A command on the journal of the data directory the configuration names ({@code --home},
 * environment, {@code config.json}), as {@code serve} finds it: an invalid configuration is a usage
 * error (exit 2).
 */
abstract class JournalCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    HomeOption home = new HomeOption();

    @Override
    public final Integer call() {
        CommandLine cl = spec.commandLine();
        Config config;
        try {
            config = ConfigLoader.load(System.getenv(), Path.of(System.getProperty("user.home")),
                    Optional.ofNullable(home.home), Map.of());
        } catch (ConfigException e) {
            return CliErrors.fail(cl, e.getMessage(), ExitCodes.INVALID_CONFIG);
        }
        return run(cl, new JournalBackups(config.home(), BackupPolicy.from(config), Clock.systemUTC()));
    }

    /** Does the work; returns the exit code. */
    abstract int run(CommandLine cl, JournalBackups backups);
}
