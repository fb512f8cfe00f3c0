package tech.brokerbridge.launcher.cli;

import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tech.brokerbridge.launcher.wiring.VersionInfo;

/** {@code brokerbridge}: the root command; its subcommands do the work. */
@Command(name = "brokerbridge", mixinStandardHelpOptions = true, versionProvider = RootCommand.Version.class,
        description = "A trading desk that runs entirely on your machine.")
public final class RootCommand implements Runnable {
    /** The subcommands, in the order the help lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(ServeCommand.class, StatusCommand.class, StopCommand.class,
            BackupCommand.class, RestoreCommand.class, CredentialsCommand.class, NotificationsCommand.class,
            ServiceCommand.class, LogsCommand.class, CommandLine.HelpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "show log lines on the terminal too (serve always shows them)")
    boolean verbose;

    /** A configured command line with the project's exit codes and every subcommand. */
    public static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * A configured command line for {@code args}: when they name a subcommand (other than help), only
     * that one is built, since building each (reflection, class initialisation) is a good part of a
     * command's start-up; otherwise every subcommand, for the usage and the errors that list them.
     */
    public static CommandLine commandLine(String... args) {
        CommandLine cl = new CommandLine(new RootCommand());
        Optional<Class<?>> only = invoked(args);
        for (Class<?> sub : SUBCOMMANDS) {
            if (only.isEmpty() || only.get() == sub) {
                cl.addSubcommand(sub);
            }
        }
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

    /** The subcommand the first argument that is not an option names, when there is one (not help). */
    static Optional<Class<?>> invoked(String... args) {
        for (String a : args) {
            if (a.startsWith("-")) {
                continue;
            }
            for (Class<?> sub : SUBCOMMANDS) {
                Command c = sub.getAnnotation(Command.class);
                if (sub != CommandLine.HelpCommand.class && c != null && c.name().equals(a)) {
                    return Optional.of(sub);
                }
            }
            return Optional.empty();
        }
        return Optional.empty();
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
