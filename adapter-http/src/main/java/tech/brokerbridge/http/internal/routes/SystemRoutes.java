package tech.brokerbridge.http.internal.routes;

import java.util.Map;
import tech.brokerbridge.http.internal.web.ApiResponse;
import tech.brokerbridge.http.internal.web.Json;
import tech.brokerbridge.http.internal.web.Router;
import tech.brokerbridge.ports.desk.Health;
import tech.brokerbridge.ports.desk.TradingDesk;

/**
 * {@code GET /api/health} and {@code GET /api/license}: in-memory reads, served on the event loop; and
 * {@code GET /api/events}, the Server-Sent Events stream (served by the pipeline's event streams).
 */
final class SystemRoutes {
    private SystemRoutes() {
    }

    static void register(Router.Builder b, TradingDesk desk) {
        HealthCache health = new HealthCache();
        b.route("GET", "/api/health").licenseExempt().to(r -> health.answer(desk.health()));
        b.route("GET", "/api/license").licenseExempt().to(r -> ApiResponse.ok(LicenseAnswer.of(desk.license())));
        b.route("GET", "/api/events").eventStream().to(r -> {
            throw new IllegalStateException("an event stream is served by the event streams, not a handler");
        });
    }

    /**
     * Health is polled often and rarely changes: the JSON of the last state is kept and reused while
     * the desk reports an equal state (records compare by value), so each answer is still what is true now.
     */
    static final class HealthCache {
        private volatile Cached last;

        private record Cached(Health health, byte[] json) {
        }

        ApiResponse answer(Health now) {
            Cached c = last;
            if (c == null || !c.health().equals(now)) {
                c = new Cached(now, Json.write(HealthAnswer.of(now)));
                last = c;
            }
            return new ApiResponse(200, ApiResponse.JSON, c.json(), Map.of());
        }
    }
}
