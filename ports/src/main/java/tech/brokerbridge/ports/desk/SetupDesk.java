package tech.brokerbridge.ports.desk;

import java.util.List;
import java.util.Map;
import tech.brokerbridge.ports.Secret;
import tech.brokerbridge.ports.setup.ApplyResult;
import tech.brokerbridge.ports.setup.CredentialSave;
import tech.brokerbridge.ports.setup.CredentialStatus;
import tech.brokerbridge.ports.setup.CredentialTest;
import tech.brokerbridge.ports.setup.FieldError;
import tech.brokerbridge.ports.setup.IbkrCheck;
import tech.brokerbridge.ports.setup.SetupConfig;
import tech.brokerbridge.ports.setup.SetupStatus;

/**
 * The setup wizard's use cases (driving port): the desk's configuration and the credentials it needs,
 * as {@code /api/setup/*}, {@code /api/credentials/*} and {@code brokerbridge credentials} use them.
 *
 * <p><b>Credentials.</b> A provider is one of {@link #PROVIDERS}. The AI providers' keys are kept in
 * the vault as {@code <provider>.api_key}; {@code stripe} has {@code stripe.api_key} (the restricted
 * key) and {@code stripe.license_key}; {@code ibkr} has nothing to store (IB Gateway does not ask
 * for a password on its API socket: the user logs in inside IB Gateway, and the desk only needs the
 * host, port and client id, which are configuration); the notification channels have
 * {@code telegram.bot_token}, {@code smtp.password}, {@code ntfy.token} and {@code webhook.secret}. No
 * method returns, logs or puts a credential in a message.
 *
 * <p><b>Threading and blocking.</b> Thread-safe. {@link #currentConfig()} is an in-memory read.
 * The credential calls block on the vault (the OS keyring: at most a few seconds).
 * {@link #testCredential} and {@link #testIbkr} make one network call to the provider, bounded by
 * its timeout (at most about 30 s for an AI provider, 5 s for IB Gateway); they never throw for a
 * network problem, the result says what happened. {@link #applyConfig} writes the configuration
 * file and is serialized with itself.
 *
 * <p><b>Errors.</b> Business outcomes are values. An unknown provider or auth type is a caller
 * error: {@link IllegalArgumentException} (check against {@link #PROVIDERS} and {@link #AUTH_TYPES}
 * first). A failing vault surfaces as a {@link tech.brokerbridge.ports.secrets.SecretStoreException};
 * a configuration file that cannot be written as an {@link java.io.UncheckedIOException}.
 */
public interface SetupDesk {
    /** The providers whose credentials the desk knows, in display order. */
    List<String> PROVIDERS = List.of("claude", "openai", "openrouter", "google", "ibkr", "stripe", "telegram", "smtp",
            "ntfy", "webhook");

    /** The credential kinds accepted; other kinds are not supported yet. */
    List<String> AUTH_TYPES = List.of("api_key");

    /** Whether setup is complete and, if not, what is missing; blocks on the vault. */
    SetupStatus setupStatus();

    /** The configuration as the desk will run it after its next start (every member present). */
    SetupConfig currentConfig();

    /**
     * Checks an update without applying it: every problem at once, each naming its JSON path (e.g.
     * {@code risk.max_open_trades}). Members absent from {@code update} keep their current value.
     */
    List<FieldError> validateConfig(SetupConfig update);

    /**
     * Validates {@code update} and, when it is valid, writes it to the configuration file (never a
     * secret) and applies what can change while the desk runs; the rest waits for a restart and is
     * listed in {@link ApplyResult.Applied#restartRequired()}. Nothing is written or applied when any
     * member is invalid.
     */
    ApplyResult applyConfig(SetupConfig update);

    /** Tests a credential with the provider's cheapest authenticated call, without saving it. */
    CredentialTest testCredential(String provider, String authType, Secret credential);

    /** Saves (or replaces) a provider's credential in the vault; an undecryptable one is replaced. */
    CredentialSave saveCredential(String provider, String authType, Secret credential);

    /** Every provider of {@link #PROVIDERS}, in that order, with its credential state. */
    Map<String, CredentialStatus> credentialStatus();

    /**
     * Removes every stored credential of the provider.
     *
     * @return true when something was removed
     */
    boolean deleteCredential(String provider);

    /** A one-off connection test to IB Gateway/TWS (handshake and account list within 5 s). */
    IbkrCheck testIbkr(String host, int port, int clientId);
}
