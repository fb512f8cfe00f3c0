package tech.brokerbridge.launcher.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Command;

/** {@code brokerbridge credentials list}: each provider's state (never a value). */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List each provider's credential state: missing, saved or undecryptable (no values).")
final class CredentialsListCommand extends CredentialsSubcommand {
    @Override
    int run(PrintWriter out, PrintWriter err) {
        return parent.withVault(err, book -> {
            book.stored().forEach((provider, s) -> out.printf("%-11s %-14s %s%n", provider, s.state().wire(),
                    s.message()));
            out.flush();
            return ExitCodes.OK;
        });
    }
}
