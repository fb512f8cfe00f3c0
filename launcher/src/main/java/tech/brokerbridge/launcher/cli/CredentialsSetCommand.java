package tech.brokerbridge.launcher.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tech.brokerbridge.core.CredentialBook;
import tech.brokerbridge.ports.Secret;

/** {@code brokerbridge credentials set <provider>}: reads the secret without echo and saves it in the vault. */
@Command(name = "set", mixinStandardHelpOptions = true,
        description = {"Save a provider's API key in the vault (replacing any, including one encrypted on another"
                + " machine).", "The key is read from the terminal without echo, else one line of standard input,"
                + " or the first line of --from-file."})
final class CredentialsSetCommand extends CredentialsSubcommand {
    @Parameters(index = "0", paramLabel = "PROVIDER", description = "claude, openai, openrouter, google, stripe, telegram (bot token), smtp (password), ntfy (access token) or webhook (signing secret)")
    String provider;

    @Option(names = "--from-file", paramLabel = "PATH", description = "read the key from the first line of this file")
    Path fromFile;

    @Override
    Optional<String> provider() {
        return Optional.of(provider);
    }

    @Override
    int run(PrintWriter out, PrintWriter err) {
        Optional<String> nothing = CredentialBook.nothingToSave(provider);
        if (nothing.isPresent()) {
            return CredentialsCommand.fail(err, nothing.get().replace("with POST /api/setup/config",
                    "in the configuration"), ExitCodes.INVALID_CONFIG);
        }
        CredentialsInput in = fromFile != null ? CredentialsInput.file(fromFile) : parent.input();
        char[] value;
        try {
            value = in.read("API key for " + provider + " (not shown): ");
        } catch (IllegalArgumentException e) {
            return CredentialsCommand.fail(err, e.getMessage(), ExitCodes.INVALID_CONFIG);
        }
        Secret secret = Secret.of(new String(value).strip());
        Arrays.fill(value, '\0');
        if (secret.isEmpty()) {
            return CredentialsCommand.fail(err, "no key given; nothing saved", ExitCodes.INVALID_CONFIG);
        }
        try {
            return parent.withVault(err, book -> {
                book.save(provider, secret);
                out.println("saved the " + provider + " credential (" + CredentialBook.saveName(provider)
                        .orElseThrow() + ") in the vault");
                out.flush();
                return ExitCodes.OK;
            });
        } finally {
            secret.wipe();
        }
    }
}
