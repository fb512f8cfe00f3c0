package tech.brokerbridge.http.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import tech.brokerbridge.ports.Secret;
import tech.brokerbridge.ports.desk.SetupDesk;
import tech.brokerbridge.ports.setup.ApplyResult;
import tech.brokerbridge.ports.setup.CredentialSave;
import tech.brokerbridge.ports.setup.CredentialStatus;
import tech.brokerbridge.ports.setup.CredentialTest;
import tech.brokerbridge.ports.setup.FieldError;
import tech.brokerbridge.ports.setup.IbkrCheck;
import tech.brokerbridge.ports.setup.SetupConfig;
import tech.brokerbridge.ports.setup.SetupStatus;

/** A programmable {@link SetupDesk} for the HTTP adapter's tests: canned answers and recorded calls. */
public final class StubSetupDesk implements SetupDesk {
    public final List<String> calls = new CopyOnWriteArrayList<>();
    /** The credentials received, in order (tests check they arrived intact). */
    public final List<String> credentials = new CopyOnWriteArrayList<>();
    public volatile SetupConfig current = SetupConfig.empty()
            .withAiProvider(new SetupConfig.AiProvider(Optional.of("offline"), Optional.of("api_key"), Optional.of("")))
            .withWatchlist(List.of("AAPL", "MSFT"));
    public volatile Function<SetupConfig, List<FieldError>> validator = u -> List.of();
    public volatile List<String> restartRequired = List.of();
    public volatile CredentialTest test = new CredentialTest(CredentialTest.Result.OK, "key accepted by claude");
    public volatile CredentialSave save = new CredentialSave.Saved(new CredentialStatus(CredentialStatus.State.SAVED,
            "saved"));
    public volatile IbkrCheck ibkr = new IbkrCheck.NotAvailable("the IB adapter is not available in this build");
    public volatile boolean deleted = true;
    public volatile SetupConfig lastUpdate;

    @Override
    public SetupStatus setupStatus() {
        calls.add("status");
        return new SetupStatus(false, List.of("config", "credentials.claude"), List.of("ai_provider.provider"));
    }

    @Override
    public SetupConfig currentConfig() {
        return current;
    }

    @Override
    public List<FieldError> validateConfig(SetupConfig update) {
        calls.add("validate");
        lastUpdate = update;
        return validator.apply(update);
    }

    @Override
    public ApplyResult applyConfig(SetupConfig update) {
        calls.add("apply");
        lastUpdate = update;
        List<FieldError> errors = validator.apply(update);
        if (!errors.isEmpty()) {
            return new ApplyResult.Invalid(errors);
        }
        update.watchlist().ifPresent(w -> current = current.withWatchlist(w));
        return new ApplyResult.Applied(current, restartRequired);
    }

    @Override
    public CredentialTest testCredential(String provider, String authType, Secret credential) {
        calls.add("test " + provider + " " + authType);
        credentials.add(credential.reveal());
        return test;
    }

    @Override
    public CredentialSave saveCredential(String provider, String authType, Secret credential) {
        calls.add("save " + provider + " " + authType);
        credentials.add(credential.reveal());
        return save;
    }

    /** When set, what {@link #credentialStatus} throws (a vault failure). */
    public volatile RuntimeException statusFailure;

    @Override
    public Map<String, CredentialStatus> credentialStatus() {
        if (statusFailure != null) {
            throw statusFailure;
        }
        Map<String, CredentialStatus> m = new LinkedHashMap<>();
        for (String p : PROVIDERS) {
            m.put(p, p.equals("claude") ? new CredentialStatus(CredentialStatus.State.ERROR, "unauthorized")
                    : new CredentialStatus(CredentialStatus.State.MISSING, "nothing saved"));
        }
        return m;
    }

    @Override
    public boolean deleteCredential(String provider) {
        calls.add("delete " + provider);
        return deleted;
    }

    @Override
    public IbkrCheck testIbkr(String host, int port, int clientId) {
        calls.add("ibkr " + host + " " + port + " " + clientId);
        return ibkr;
    }
}
