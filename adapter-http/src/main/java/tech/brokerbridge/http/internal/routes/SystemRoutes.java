package tech.brokerbridge.http.internal.routes;

import tech.brokerbridge.http.internal.web.ApiResponse;
import tech.brokerbridge.http.internal.web.Router;
import tech.brokerbridge.ports.desk.TradingDesk;

/** {@code GET /api/health} and {@code GET /api/license}: in-memory reads, served on the event loop. */
final class SystemRoutes {
    private SystemRoutes() {
    }

    static void register(Router.Builder b, TradingDesk desk) {
        b.get("/api/health", r -> ApiResponse.ok(DeskJson.health(desk.health())));
        b.get("/api/license", r -> ApiResponse.ok(DeskJson.license(desk.license())));
    }
}
