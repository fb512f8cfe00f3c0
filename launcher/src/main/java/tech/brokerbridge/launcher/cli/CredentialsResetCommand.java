package tech.brokerbridge.launcher.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tech.brokerbridge.keyring.VaultConfig;
import tech.brokerbridge.keyring.VaultFactory;
import tech.brokerbridge.launcher.config.Config;
import tech.brokerbridge.launcher.config.ConfigException;

/**
 * {@code brokerbridge credentials reset --yes}: deletes every stored credential and the vault's key
 * parameters, so the next start makes an empty vault. The way out when {@code vault.json} was lost while
 * secrets exist (they cannot be decrypted without it) or the vault's files are damaged. Needs no key and
 * does not open the vault. Without {@code --yes} it only says what it would do.
 */
@Command(name = "reset", mixinStandardHelpOptions = true,
        description = {"Delete every stored credential and start an empty vault (stop the daemon first).",
            "For a lost vault.json or damaged vault files; every credential must be entered again."})
final class CredentialsResetCommand extends CredentialsSubcommand {
    @Option(names = "--yes", description = "really delete them")
    boolean yes;

    @Override
    int run(PrintWriter out, PrintWriter err) {
        Config config;
        try {
            config = parent.config();
        } catch (ConfigException e) {
            return CredentialsCommand.fail(err, e.getMessage(), ExitCodes.INVALID_CONFIG);
        }
        if (!yes) {
            return CredentialsCommand.fail(err, "this deletes every credential stored in " + config.home()
                    + " (the encrypted file, the OS keyring entries and vault.json); run again with --yes to do it",
                    ExitCodes.INVALID_CONFIG);
        }
        try {
            int removed = VaultFactory.reset(VaultConfig.from(config.home(), config));
            out.println("vault reset: " + removed + " stored credential(s) deleted; enter them again with "
                    + "'brokerbridge credentials set' or the setup page");
            out.flush();
            return ExitCodes.OK;
        } catch (UncheckedIOException e) {
            return CredentialsCommand.fail(err, "the vault cannot be reset: " + e.getMessage(), ExitCodes.FAILURE);
        }
    }
}
