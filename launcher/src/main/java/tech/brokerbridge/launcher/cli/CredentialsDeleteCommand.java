package tech.brokerbridge.launcher.cli;

import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code brokerbridge credentials delete <provider>}: removes every stored credential of the provider. */
@Command(name = "delete", mixinStandardHelpOptions = true,
        description = "Delete a provider's stored credentials (stripe: the Stripe key and the license key).")
final class CredentialsDeleteCommand extends CredentialsSubcommand {
    @Parameters(index = "0", paramLabel = "PROVIDER", description = "claude, openai, openrouter, google, ibkr, stripe, telegram, smtp, ntfy or webhook")
    String provider;

    @Override
    Optional<String> provider() {
        return Optional.of(provider);
    }

    @Override
    int run(PrintWriter out, PrintWriter err) {
        return parent.withVault(err, book -> {
            boolean removed = book.delete(provider);
            out.println(removed ? "deleted the " + provider + " credential"
                    : "no " + provider + " credential was stored; nothing deleted");
            out.flush();
            return ExitCodes.OK;
        });
    }
}
