package tech.brokerbridge.launcher.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Command;
import tech.brokerbridge.core.CredentialBook;
import tech.brokerbridge.keyring.Vault;
import tech.brokerbridge.keyring.VaultConfig;
import tech.brokerbridge.keyring.VaultFactory;
import tech.brokerbridge.launcher.config.Config;
import tech.brokerbridge.launcher.config.ConfigException;
import tech.brokerbridge.ports.secrets.SecretStoreException;

/**
 * {@code brokerbridge credentials set|list|delete}: the credential vault from the command line. It
 * opens the same vault as {@code serve}, from the same data directory and configuration (so a
 * running desk sees a saved key at its next call). Nothing it prints contains a secret.
 */
@Command(name = "credentials", mixinStandardHelpOptions = true,
        description = "Save, list or delete the credentials in the encrypted vault.",
        subcommands = {CredentialsSetCommand.class, CredentialsListCommand.class, CredentialsDeleteCommand.class,
            CredentialsResetCommand.class})
public final class CredentialsCommand extends ConfiguredGroupCommand {
    private final Optional<CredentialsInput> input;

    public CredentialsCommand() {
        this(System.getenv(), Optional.empty());
    }

    /** For tests: another environment and where {@code set} reads the secret. */
    CredentialsCommand(Map<String, String> env, Optional<CredentialsInput> input) {
        super(env);
        this.input = input;
    }

    CredentialsInput input() {
        return input.orElseGet(CredentialsInput::standard);
    }

    /**
     * Loads the configuration, opens the vault and runs {@code action} with it; reports problems on
     * the error stream and turns them into exit codes (2 invalid configuration or arguments, 1 a
     * vault that cannot be used).
     */
    int withVault(PrintWriter err, Function<CredentialBook, Integer> action) {
        Config config;
        try {
            config = config();
        } catch (ConfigException e) {
            return fail(err, e.getMessage(), ExitCodes.INVALID_CONFIG);
        }
        try (Vault vault = VaultFactory.open(VaultConfig.from(config.home(), config))) {
            return action.apply(new CredentialBook(vault));
        } catch (SecretStoreException e) {
            return fail(err, "the vault cannot be used: " + e.getMessage(), ExitCodes.FAILURE);
        }
    }

    static int fail(PrintWriter err, String message, int code) {
        return CliErrors.fail(err, message, code);
    }

    /** An unknown provider is a usage error (exit 2) naming the known ones. */
    static Optional<Integer> checkProvider(PrintWriter err, String provider) {
        try {
            CredentialBook.requireProvider(provider);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(fail(err, e.getMessage(), ExitCodes.INVALID_CONFIG));
        }
    }
}
