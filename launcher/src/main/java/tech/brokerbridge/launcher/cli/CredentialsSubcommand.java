package tech.brokerbridge.launcher.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * A {@code credentials} subcommand: it runs with the parent's configuration and vault, and a provider it
 * names is checked first (an unknown one is a usage error, exit 2, naming the known ones).
 */
abstract class CredentialsSubcommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    CredentialsCommand parent;

    @Override
    public final Integer call() {
        CommandLine cl = spec.commandLine();
        return call(cl.getOut(), cl.getErr());
    }

    /** Runs with these streams (picocli's, or {@link QuickCommands}' when the command line was parsed without picocli). */
    final int call(PrintWriter out, PrintWriter err) {
        Optional<Integer> bad = provider().flatMap(p -> CredentialsCommand.checkProvider(err, p));
        return bad.isPresent() ? bad.get() : run(out, err);
    }

    /** The provider named on the command line, if this subcommand takes one. */
    Optional<String> provider() {
        return Optional.empty();
    }

    /** The subcommand itself, once its provider (if any) is known; returns the exit code. */
    abstract int run(PrintWriter out, PrintWriter err);
}
