package tech.brokerbridge.launcher;

import picocli.CommandLine;
import tech.brokerbridge.launcher.cli.RootCommand;

/**
 * Entry point of {@code brokerbridge.jar}. Exit codes: 0 success, 1 unexpected failure, 2 invalid
 * configuration or usage, 3 port already in use.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (used by tests, which must not exit the JVM). */
    public static int run(String... args) {
        return RootCommand.commandLine(args).execute(args);
    }

    /** Runs with the given output streams (for tests). */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cl = RootCommand.commandLine(args);
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }
}
