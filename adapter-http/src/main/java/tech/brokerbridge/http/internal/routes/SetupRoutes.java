package tech.brokerbridge.http.internal.routes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.brokerbridge.http.internal.web.ApiException;
import tech.brokerbridge.http.internal.web.ApiRequest;
import tech.brokerbridge.http.internal.web.ApiResponse;
import tech.brokerbridge.http.internal.web.Router;
import tech.brokerbridge.ports.desk.SetupDesk;
import tech.brokerbridge.ports.setup.ApplyResult;
import tech.brokerbridge.ports.setup.FieldError;
import tech.brokerbridge.ports.setup.SetupStatus;

/**
 * {@code GET /api/setup/status}, {@code GET /api/setup/config} and {@code POST /api/setup/config}. An
 * invalid update is 422 {@code invalid_config} listing every bad member in {@code errors} (wrong JSON
 * types and the desk's own checks together); nothing is written then.
 */
final class SetupRoutes {
    private final SetupDesk setup;

    record Status(boolean complete, List<String> missing, List<String> restartRequired) {
    }

    record Applied(SetupConfigAnswer config, List<String> restartRequired) {
    }

    private SetupRoutes(SetupDesk setup) {
        this.setup = setup;
    }

    static void register(Router.Builder b, SetupDesk setup) {
        SetupRoutes r = new SetupRoutes(setup);
        b.route("GET", "/api/setup/status").licenseExempt().blocking().to(r::status);
        b.route("GET", "/api/setup/config").to(x -> ApiResponse.ok(SetupConfigAnswer.of(setup.currentConfig())));
        b.route("POST", "/api/setup/config").blocking().takesBody().to(r::apply);
    }

    private ApiResponse status(ApiRequest r) {
        SetupStatus s = setup.setupStatus();
        return ApiResponse.ok(new Status(s.complete(), s.missing(), s.restartRequired()));
    }

    private ApiResponse apply(ApiRequest r) {
        SetupJson.Parsed parsed = SetupJson.read(r.body());
        if (!parsed.typeErrors().isEmpty()) {
            List<FieldError> all = new ArrayList<>(parsed.typeErrors());
            all.addAll(setup.validateConfig(parsed.update()));
            throw invalid(all);
        }
        ApplyResult result = setup.applyConfig(parsed.update());
        if (result instanceof ApplyResult.Invalid invalid) {
            throw invalid(invalid.errors());
        }
        ApplyResult.Applied applied = (ApplyResult.Applied) result;
        return ApiResponse.ok(new Applied(SetupConfigAnswer.of(applied.config()), applied.restartRequired()));
    }

    static ApiException invalid(List<FieldError> errors) {
        List<String> fields = errors.stream().map(FieldError::field).distinct().toList();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("field", fields.get(0));
        details.put("errors", SetupConfigAnswer.FieldErrorAnswer.of(errors));
        String message = errors.size() == 1 ? errors.get(0).message()
                : errors.size() + " invalid fields: " + String.join(", ", fields);
        return new ApiException(422, "invalid_config", message, details, Map.of());
    }
}
