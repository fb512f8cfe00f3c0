package tech.brokerbridge.launcher.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code brokerbridge credentials list}: each provider's state (never a value). */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List each provider's credential state: missing, saved or undecryptable (no values).")
final class CredentialsListCommand extends CredentialsSubcommand {
    @Override
    int run(CommandLine cl) {
        return parent.withVault(cl, book -> {
            book.stored().forEach((provider, s) -> cl.getOut().printf("%-11s %-14s %s%n", provider, s.state().wire(),
                    s.message()));
            cl.getOut().flush();
            return ExitCodes.OK;
        });
    }
}
