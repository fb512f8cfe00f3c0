package tech.brokerbridge.http.internal.routes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import tech.brokerbridge.http.internal.web.ApiException;
import tech.brokerbridge.http.internal.web.ApiRequest;
import tech.brokerbridge.http.internal.web.ApiResponse;
import tech.brokerbridge.http.internal.web.JsonBody;
import tech.brokerbridge.http.internal.web.Router;
import tech.brokerbridge.ports.Secret;
import tech.brokerbridge.ports.desk.SetupDesk;
import tech.brokerbridge.ports.setup.CredentialSave;
import tech.brokerbridge.ports.setup.CredentialStatus;
import tech.brokerbridge.ports.setup.CredentialTest;
import tech.brokerbridge.ports.setup.IbkrCheck;

/**
 * The credentials API. A body holding a credential is read with {@link JsonBody#sensitiveObject}, so
 * that nothing of it is quoted back; answers carry states and messages, never the credential.
 */
final class CredentialRoutes {
    private static final Set<String> CREDENTIAL_BODY = Set.of("provider", "auth_type", "credential");
    private static final int MAX_CREDENTIAL = 4096;

    private final SetupDesk setup;

    record Tested(String provider, String result, String message) {
    }

    record State(String provider, String status, String message) {
    }

    /** Each provider's state and message, by provider name. */
    record Statuses(Map<String, String> providers, Map<String, String> messages) {
    }

    record Deleted(String provider, boolean deleted, String status) {
    }

    /** {@code account_modes}: each masked account with the mode it was found in, {@code paper} or {@code live}. */
    record IbkrAnswer(boolean ok, int serverVersion, List<String> accounts, String message,
            Map<String, String> accountModes) {
    }

    private CredentialRoutes(SetupDesk setup) {
        this.setup = setup;
    }

    static void register(Router.Builder b, SetupDesk setup) {
        CredentialRoutes r = new CredentialRoutes(setup);
        b.route("POST", "/api/credentials/test").blocking().takesBody().to(r::test);
        b.route("POST", "/api/credentials/save").blocking().takesBody().to(r::save);
        b.route("GET", "/api/credentials/status").blocking().to(r::status);
        b.route("DELETE", "/api/credentials/{provider}").blocking().to(r::delete);
        b.route("POST", "/api/credentials/ibkr/test").blocking().takesBody().to(r::ibkr);
    }

    /** A credential request after the checks every such request gets. */
    private record CredentialRequest(String provider, String authType, Secret credential) {
    }

    private static CredentialRequest read(ApiRequest r) {
        JsonBody body = JsonBody.sensitiveObject(r.body(), CREDENTIAL_BODY);
        String provider = body.stringField("provider")
                .orElseThrow(() -> ApiException.badField("provider", "'provider' is required"));
        String credential = body.stringField("credential")
                .orElseThrow(() -> ApiException.badField("credential", "'credential' is required"));
        String authType = body.stringField("auth_type").orElse("api_key");
        if (!SetupDesk.PROVIDERS.contains(provider)) {
            throw ApiException.invalidValue("provider", "'provider' must be one of "
                    + String.join(", ", SetupDesk.PROVIDERS));
        }
        if (!SetupDesk.AUTH_TYPES.contains(authType)) {
            throw ApiException.invalidValue("auth_type", "only api_key is supported");
        }
        if (credential.isBlank() || credential.length() > MAX_CREDENTIAL) {
            throw ApiException.invalidValue("credential", "'credential' must be 1 to " + MAX_CREDENTIAL
                    + " characters, not blank");
        }
        return new CredentialRequest(provider, authType, Secret.of(credential.strip()));
    }

    private ApiResponse test(ApiRequest r) {
        CredentialRequest c = read(r);
        CredentialTest t = setup.testCredential(c.provider(), c.authType(), c.credential());
        c.credential().wipe();
        return ApiResponse.ok(new Tested(c.provider(), t.result().wire(), t.message()));
    }

    private ApiResponse save(ApiRequest r) {
        CredentialRequest c = read(r);
        CredentialSave saved = setup.saveCredential(c.provider(), c.authType(), c.credential());
        c.credential().wipe();
        if (saved instanceof CredentialSave.Refused refused) {
            throw ApiException.invalidValue(refused.field(), refused.reason());
        }
        CredentialStatus s = ((CredentialSave.Saved) saved).status();
        return ApiResponse.ok(state(c.provider(), s));
    }

    private ApiResponse status(ApiRequest r) {
        Map<String, String> states = new LinkedHashMap<>();
        Map<String, String> messages = new LinkedHashMap<>();
        setup.credentialStatus().forEach((provider, s) -> {
            states.put(provider, s.state().wire());
            messages.put(provider, s.message());
        });
        return ApiResponse.ok(new Statuses(states, messages));
    }

    private ApiResponse delete(ApiRequest r) {
        String provider = r.pathParam("provider");
        if (!SetupDesk.PROVIDERS.contains(provider)) {
            throw ApiException.notFound("no such provider; known: " + String.join(", ", SetupDesk.PROVIDERS));
        }
        boolean deleted = setup.deleteCredential(provider);
        return ApiResponse.ok(new Deleted(provider, deleted, setup.credentialStatus().get(provider).state().wire()));
    }

    private ApiResponse ibkr(ApiRequest r) {
        JsonBody body = JsonBody.optionalObject(r.body(), Set.of("host", "port", "client_id"));
        String host = body.stringField("host").map(String::strip)
                .orElseThrow(() -> ApiException.badField("host", "'host' is required"));
        OptionalLong port = body.longField("port");
        OptionalLong clientId = body.longField("client_id");
        if (port.isEmpty()) {
            throw ApiException.badField("port", "'port' is required");
        }
        if (clientId.isEmpty()) {
            throw ApiException.badField("client_id", "'client_id' is required");
        }
        if (host.isEmpty() || host.length() > 253) {
            throw ApiException.invalidValue("host", "'host' must be a host name or address");
        }
        if (port.getAsLong() < 1 || port.getAsLong() > 65535) {
            throw ApiException.invalidValue("port", "'port' must be between 1 and 65535");
        }
        if (clientId.getAsLong() < 0 || clientId.getAsLong() > Integer.MAX_VALUE) {
            throw ApiException.invalidValue("client_id", "'client_id' must be between 0 and " + Integer.MAX_VALUE);
        }
        IbkrCheck check = setup.testIbkr(host, (int) port.getAsLong(), (int) clientId.getAsLong());
        if (check instanceof IbkrCheck.NotAvailable na) {
            throw new ApiException(501, "not_available", na.message());
        }
        if (check instanceof IbkrCheck.Invalid invalid) {
            throw SetupRoutes.invalid(invalid.errors());
        }
        IbkrCheck.Answered a = (IbkrCheck.Answered) check;
        return ApiResponse.ok(new IbkrAnswer(a.ok(), a.serverVersion(), a.accounts(), a.message(), a.accountModes()));
    }

    private static State state(String provider, CredentialStatus s) {
        return new State(provider, s.state().wire(), s.message());
    }
}
