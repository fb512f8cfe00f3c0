package tech.brokerbridge.http.internal.routes;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import tech.brokerbridge.http.internal.web.ApiResponse;
import tech.brokerbridge.http.internal.web.Router;
import tech.brokerbridge.ports.Secret;
import tech.brokerbridge.ports.desk.LicenseDesk;
import tech.brokerbridge.ports.desk.SetupDesk;
import tech.brokerbridge.ports.desk.TradingDesk;

/** The whole route table: the API, the static dashboard and Swagger UI, and {@code /openapi.json} describing them all. */
public final class ApiRoutes {
    private ApiRoutes() {
    }

    /** What the diagnostics route shows besides the desk. */
    public record AdminInfo(String version, Clock clock, Supplier<Instant> startedAt,
            Supplier<Map<String, Object>> effectiveConfig, Supplier<RateLimiterFigures> rateLimiter,
            Supplier<ConnectionFigures> connections, Optional<Secret> adminToken) {
    }

    /** The rate limiter's figures, as the diagnostics show them. */
    public record RateLimiterFigures(int trackedClients, long allowed, long refused, long evicted, int limit,
            double windowSeconds) {
    }

    /**
     * The connection caps and what clients did that is counted rather than logged, as the diagnostics show
     * them.
     */
    public record ConnectionFigures(int open, int clientAddresses, int maxConnections, int maxConnectionsPerClient,
            double bodyTimeoutSeconds, long prematureCloses, long resets, long tlsOpenings, long http2Openings,
            long bodyTimeouts, long refusedOverMaxConnections, long refusedOverMaxConnectionsPerClient) {
    }

    public static Router build(TradingDesk desk, Clock clock, AdminInfo admin) {
        return build(desk, Optional.empty(), Optional.empty(), clock, admin);
    }

    /**
     * The route table, with the setup and credentials routes when {@code setup} is present and the
     * license activation and refresh routes when {@code license} is present.
     */
    public static Router build(TradingDesk desk, Optional<SetupDesk> setup, Optional<LicenseDesk> license,
            Clock clock, AdminInfo admin) {
        Router.Builder b = Router.builder();
        license.ifPresent(l -> LicenseRoutes.register(b, l));
        setup.ifPresent(s -> {
            SetupRoutes.register(b, s);
            CredentialRoutes.register(b, s);
        });
        SystemRoutes.register(b, desk);
        AdminRoutes.register(b, admin);
        ProposalRoutes.register(b, desk);
        JournalRoutes.register(b, desk, clock);
        NotificationRoutes.register(b, desk);
        TradingRoutes.register(b, desk);
        PositionRoutes.register(b, desk);
        ClosedTradeRoutes.register(b, desk, clock);
        DashboardRoutes.register(b);
        OpenApiDocument doc = new OpenApiDocument(admin.version());
        b.route("GET", "/openapi.json").licenseExempt().staticAsset()
                .to(r -> new ApiResponse(200, ApiResponse.JSON, doc.bytes(), Map.of("Cache-Control", "no-cache")));
        Router router = b.build();
        doc.describe(router);
        return router;
    }
}
