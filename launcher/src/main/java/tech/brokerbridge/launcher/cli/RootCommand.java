package tech.brokerbridge.launcher.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import tech.brokerbridge.launcher.wiring.VersionInfo;

/** {@code brokerbridge}: the root command; its subcommands do the work. */
@Command(name = "brokerbridge", mixinStandardHelpOptions = true, versionProvider = RootCommand.Version.class,
        description = "A trading desk that runs entirely on your machine.",
        subcommands = {ServeCommand.class, CredentialsCommand.class, NotificationsCommand.class,
                CommandLine.HelpCommand.class})
public final class RootCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** A configured command line with the project's exit codes. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new RootCommand());
        cl.setExitCodeExceptionMapper(t -> ExitCodes.FAILURE);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("brokerbridge: " + ex.getClass().getSimpleName()
                    + (ex.getMessage() == null ? "" : ": " + ex.getMessage()));
            return ExitCodes.FAILURE;
        });
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Prints the version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"brokerbridge " + VersionInfo.version()};
        }
    }
}
