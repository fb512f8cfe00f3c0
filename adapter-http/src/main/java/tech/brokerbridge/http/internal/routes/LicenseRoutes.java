package tech.brokerbridge.http.internal.routes;

import java.util.Set;
import tech.brokerbridge.http.internal.web.ApiException;
import tech.brokerbridge.http.internal.web.ApiRequest;
import tech.brokerbridge.http.internal.web.ApiResponse;
import tech.brokerbridge.http.internal.web.JsonBody;
import tech.brokerbridge.http.internal.web.Router;
import tech.brokerbridge.ports.Secret;
import tech.brokerbridge.ports.desk.ActivationResult;
import tech.brokerbridge.ports.desk.LicenseDesk;

/**
 * {@code POST /api/license/activate} and {@code POST /api/admin/license/refresh}. Both ask the license
 * provider (bounded by its timeouts), so they run on the blocking pool. The keys sent to activation are
 * never echoed: not in an answer, an error or a log line.
 */
final class LicenseRoutes {
    static final int MAX_KEY = 512;
    private static final Set<String> ACTIVATE_BODY = Set.of("license_key", "stripe_key");

    private final LicenseDesk license;

    private LicenseRoutes(LicenseDesk license) {
        this.license = license;
    }

    static void register(Router.Builder b, LicenseDesk license) {
        LicenseRoutes r = new LicenseRoutes(license);
        b.route("POST", "/api/license/activate").licenseExempt().blocking().takesBody().to(r::activate);
        b.route("POST", "/api/admin/license/refresh").adminOnly().licenseExempt().blocking().to(r::refresh);
    }

    private ApiResponse activate(ApiRequest r) {
        JsonBody body = JsonBody.sensitiveObject(r.body(), ACTIVATE_BODY);
        Secret licenseKey = Secret.of(key(body, "license_key"));
        Secret stripeKey = Secret.of(key(body, "stripe_key"));
        // not wiped here: the desk may keep these very objects (in its vault or for its periodic checks)
        ActivationResult result = license.activate(licenseKey, stripeKey);
        if (result instanceof ActivationResult.Activated a) {
            return ApiResponse.ok(LicenseAnswer.of(a.state()));
        }
        ActivationResult.Refused refused = (ActivationResult.Refused) result;
        int status = switch (refused.cause()) {
            case INVALID_INPUT, UNKNOWN_SUBSCRIPTION, KEY_REFUSED, SUBSCRIPTION_INACTIVE -> 422;
            case UNREACHABLE -> 503;
        };
        throw new ApiException(status, refused.cause().code(), refused.reason());
    }

    private ApiResponse refresh(ApiRequest r) {
        return ApiResponse.ok(LicenseAnswer.of(license.refresh()));
    }

    private static String key(JsonBody body, String field) {
        String v = body.stringField(field).map(String::strip)
                .orElseThrow(() -> ApiException.badField(field, "'" + field + "' is required"));
        if (v.isEmpty() || v.length() > MAX_KEY) {
            throw ApiException.invalidValue(field, "'" + field + "' must be 1 to " + MAX_KEY + " characters");
        }
        return v;
    }
}
