package tech.brokerbridge.launcher.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tech.brokerbridge.launcher.wiring.VersionInfo;

/** {@code brokerbridge}: the root command; its subcommands do the work. */
@Command(name = "brokerbridge", mixinStandardHelpOptions = true, versionProvider = RootCommand.Version.class,
        description = "A trading desk that runs entirely on your machine.",
        subcommands = {ServeCommand.class, StatusCommand.class, StopCommand.class, BackupCommand.class,
                RestoreCommand.class, CredentialsCommand.class, ServiceCommand.class, LogsCommand.class,
                CommandLine.HelpCommand.class})
public final class RootCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "show log lines on the terminal too (serve always shows them)")
    boolean verbose;

    /** A configured command line with the project's exit codes. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new RootCommand());
        // a wrong argument is a usage error (2), as Main's Javadoc and the README say; anything else a failure
        cl.setExitCodeExceptionMapper(t -> t instanceof CommandLine.ParameterException ? ExitCodes.INVALID_CONFIG
                : ExitCodes.FAILURE);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("brokerbridge: " + ex.getClass().getSimpleName()
                    + (ex.getMessage() == null ? "" : ": " + ex.getMessage()));
            return ExitCodes.FAILURE;
        });
        cl.setExecutionStrategy(parseResult -> {
            if (logsToConsole(parseResult)) {
                return new CommandLine.RunLast().execute(parseResult);
            }
            try (ConsoleLog.Silence quiet = ConsoleLog.quiet()) {
                return new CommandLine.RunLast().execute(parseResult);
            }
        });
        return cl;
    }

    /** {@code serve} logs to the console; any other command only with {@code --verbose}. */
    static boolean logsToConsole(CommandLine.ParseResult parseResult) {
        boolean verbose = false;
        CommandLine.ParseResult leaf = parseResult;
        for (CommandLine.ParseResult p = parseResult; p != null; p = p.subcommand()) {
            verbose |= p.hasMatchedOption("--verbose");
            leaf = p;
        }
        return verbose || leaf.commandSpec().userObject() instanceof ServeCommand;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Prints the version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {VersionInfo.line()};
        }
    }
}
