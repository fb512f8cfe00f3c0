package tech.brokerbridge.launcher.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import tech.brokerbridge.launcher.config.Config;
import tech.brokerbridge.launcher.config.ConfigException;
import tech.brokerbridge.launcher.config.ConfigLoader;
import tech.brokerbridge.launcher.lifecycle.BackupPolicy;
import tech.brokerbridge.launcher.lifecycle.JournalBackups;

/** What the commands share: one-line errors on the error stream, and the data directory's backups. */
final class CliSupport {
    private CliSupport() {
    }

    /** Prints {@code brokerbridge: message} on the error stream and returns {@code code}. */
    static int fail(CommandLine cl, String message, int code) {
        cl.getErr().println("brokerbridge: " + message);
        cl.getErr().flush();
        return code;
    }

    /**
     * The backups of the data directory the configuration names ({@code --home}, environment,
     * {@code config.json}).
     *
     * @throws ConfigException when the configuration is invalid
     */
    static JournalBackups backups(HomeOption home, Map<String, String> env) {
        Config config = ConfigLoader.load(env, Path.of(System.getProperty("user.home")), Optional.ofNullable(home.home),
                Map.of());
        return new JournalBackups(config.home(), BackupPolicy.from(config), Clock.systemUTC());
    }
}
