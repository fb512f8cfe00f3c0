package tech.brokerbridge.http.internal.pipeline;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.FullHttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tech.brokerbridge.http.internal.web.ApiException;
import tech.brokerbridge.http.internal.web.RequestContext;
import tech.brokerbridge.http.internal.web.Router;
import tech.brokerbridge.ports.desk.TradingDesk;
import tech.brokerbridge.ports.license.LicenseState;

/**
 * Refuses the routes with 403 while the license is invalid, saying why and what to do, except the
 * routes marked {@link tech.brokerbridge.http.internal.web.Route.Attribute#LICENSE_EXEMPT license exempt}
 * (health, the license routes, setup status, the admin routes, the dashboard's files). The check is
 * the desk's in-memory license state: no I/O on the request path.
 */
public final class LicenseGate extends RequestGate {
    private final TradingDesk desk;
    private final RouteLookup routes;

    public LicenseGate(TradingDesk desk, RouteLookup routes) {
        this.desk = desk;
        this.routes = routes;
    }

    @Override
    ApiException check(FullHttpRequest request, RequestContext rc, Channel channel) {
        Optional<Router.Match> match = rc == null ? Optional.empty() : routes.of(rc);
        if (match.isEmpty() || match.get().route().licenseExempt()) {
            return null;
        }
        LicenseState license = desk.license();
        if (license.valid()) {
            return null;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", license.reason());
        details.put("license_status", license.status().wire());
        details.put("fix", "activate a valid license key, or renew the subscription; GET /api/license shows the state");
        return new ApiException(403, "license_invalid", "the license is not valid: " + license.reason()
                + ". Activate a valid license key or renew the subscription (see GET /api/license).", details,
                Map.of());
    }
}
