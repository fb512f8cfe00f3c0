package tech.brokerbridge.http.internal.routes;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import tech.brokerbridge.http.internal.web.ApiResponse;
import tech.brokerbridge.http.internal.web.Router;

/** {@code GET /api/admin/diagnostics} (behind the admin guard): uptime, version, JVM, masked configuration, rate limiter, connections. */
final class AdminRoutes {
    private AdminRoutes() {
    }

    /** {@code configuration} is the launcher's effective configuration, masked: its keys are its own. */
    record Diagnostics(String version, Instant startedAt, long uptimeSeconds, Jvm jvm,
            Map<String, Object> configuration, ApiRoutes.RateLimiterFigures rateLimiter,
            ApiRoutes.ConnectionFigures connections) {
    }

    record Jvm(String version, String vendor, String vm, int availableProcessors, long heapUsedBytes,
            long heapCommittedBytes, long heapMaxBytes) {
    }

    static void register(Router.Builder b, ApiRoutes.AdminInfo info) {
        b.route("GET", "/api/admin/diagnostics").adminOnly().licenseExempt().to(r -> ApiResponse.ok(diagnostics(info)));
    }

    static Diagnostics diagnostics(ApiRoutes.AdminInfo info) {
        Clock clock = info.clock();
        Instant started = info.startedAt().get();
        long uptime = Math.max(0, Duration.between(started, clock.instant()).toSeconds());
        return new Diagnostics(info.version(), started, uptime, jvm(),
                ConfigMasking.mask(safe(info.effectiveConfig()), info.adminToken()), info.rateLimiter().get(),
                info.connections().get());
    }

    private static Map<String, ?> safe(Supplier<Map<String, Object>> config) {
        Map<String, Object> c = config.get();
        return c == null ? Map.of() : c;
    }

    private static Jvm jvm() {
        Runtime rt = Runtime.getRuntime();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return new Jvm(Runtime.version().toString(), System.getProperty("java.vendor", "unknown"),
                System.getProperty("java.vm.name", "unknown"), rt.availableProcessors(), heap.getUsed(),
                heap.getCommitted(), heap.getMax());
    }
}
