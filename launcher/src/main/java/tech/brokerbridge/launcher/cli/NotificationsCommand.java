package tech.brokerbridge.launcher.cli;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import tech.brokerbridge.keyring.Vault;
import tech.brokerbridge.keyring.VaultConfig;
import tech.brokerbridge.keyring.VaultFactory;
import tech.brokerbridge.launcher.config.Config;
import tech.brokerbridge.launcher.config.ConfigException;
import tech.brokerbridge.notify.Notifications;
import tech.brokerbridge.notify.NotifierFactory;
import tech.brokerbridge.notify.NotifyConfig;
import tech.brokerbridge.ports.journal.JournalException;
import tech.brokerbridge.ports.notify.ChannelTest;
import tech.brokerbridge.ports.secrets.SecretStoreException;
import tech.brokerbridge.sqlite.ClosableJournal;
import tech.brokerbridge.sqlite.SqliteConfig;
import tech.brokerbridge.sqlite.SqliteJournalFactory;

/**
 * {@code brokerbridge notifications test [CHANNEL]}: sends a test message to one configured channel
 * (or to each) with the configuration, vault and journal of {@code serve}, as
 * {@code POST /api/notifications/test} does, and prints what came of it. The message is audited in the
 * journal like any other. Exit codes: 0 delivered everywhere, 1 a channel failed, 2 no such channel
 * configured or invalid configuration.
 */
@Command(name = "notifications", mixinStandardHelpOptions = true,
        description = "Send a test message to the configured notification channels.",
        subcommands = {NotificationsCommand.Test.class})
public final class NotificationsCommand extends ConfiguredGroupCommand {
    public NotificationsCommand() {
        this(System.getenv());
    }

    /** For tests: another environment. */
    NotificationsCommand(Map<String, String> env) {
        super(env);
    }

    /** {@code notifications test [CHANNEL]}. */
    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Send a test message now to CHANNEL (ntfy, telegram, webhook or email), or to each configured one.")
    static final class Test implements Callable<Integer> {
        @CommandLine.ParentCommand
        NotificationsCommand parent;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", arity = "0..1", paramLabel = "CHANNEL", description = "ntfy, telegram, webhook or email")
        String channel;

        @Override
        public Integer call() {
            CommandLine cl = spec.commandLine();
            if (channel != null && !NotifyConfig.CHANNELS.contains(channel)) {
                cl.getErr().println("unknown channel '" + channel + "'; known: " + String.join(", ",
                        NotifyConfig.CHANNELS));
                return ExitCodes.INVALID_CONFIG;
            }
            Config config;
            try {
                config = parent.config();
            } catch (ConfigException e) {
                cl.getErr().println(e.getMessage());
                return ExitCodes.INVALID_CONFIG;
            }
            try (Vault vault = VaultFactory.open(VaultConfig.from(config.home(), config));
                    ClosableJournal journal = SqliteJournalFactory.open(SqliteConfig.defaults(config.home()));
                    Notifications n = NotifierFactory.create(NotifyConfig.from(config), vault, journal,
                            Clock.systemUTC())) {
                List<ChannelTest> results = n.test(Optional.ofNullable(channel));
                if (results.isEmpty()) {
                    cl.getErr().println((channel == null ? "no notification channel is" : "the " + channel
                            + " channel is not") + " configured (see notifications.* in the README)");
                    return ExitCodes.INVALID_CONFIG;
                }
                results.forEach(r -> cl.getOut().println(r.channel() + " (" + r.destination() + "): "
                        + (r.delivered() ? "delivered" : "failed") + " — " + r.detail()));
                return results.stream().allMatch(ChannelTest::delivered) ? ExitCodes.OK : ExitCodes.FAILURE;
            } catch (SecretStoreException | JournalException | IllegalArgumentException e) {
                cl.getErr().println("cannot test the notifications: " + e.getMessage());
                return ExitCodes.FAILURE;
            }
        }
    }
}
