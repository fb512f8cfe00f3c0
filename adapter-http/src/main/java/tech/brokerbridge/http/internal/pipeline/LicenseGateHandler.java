package tech.brokerbridge.http.internal.pipeline;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import tech.brokerbridge.http.internal.web.ApiException;
import tech.brokerbridge.http.internal.web.RequestContext;
import tech.brokerbridge.ports.desk.TradingDesk;
import tech.brokerbridge.ports.license.LicenseState;

/**
 * Refuses the API with 403 while the license is invalid, saying why and what to do. Exempt: health,
 * the license routes, setup status and the admin routes (which have their own guard). The check is
 * the desk's in-memory license state: no I/O on the request path.
 */
@Sharable
public final class LicenseGateHandler extends RequestGate {
    private final TradingDesk desk;

    public LicenseGateHandler(TradingDesk desk) {
        this.desk = desk;
    }

    static boolean exempt(String path) {
        return path.equals("/api/health") || path.equals("/api/license") || path.startsWith("/api/license/")
                || path.equals("/api/setup/status") || AdminAuthHandler.adminPath(path);
    }

    @Override
    ApiException check(FullHttpRequest request, RequestContext rc, ChannelHandlerContext ctx) {
        if (rc == null || !rc.api() || exempt(rc.path())) {
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
