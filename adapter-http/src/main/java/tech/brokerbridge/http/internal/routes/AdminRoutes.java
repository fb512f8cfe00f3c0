package tech.brokerbridge.http.internal.routes;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import tech.brokerbridge.http.internal.web.ApiResponse;
import tech.brokerbridge.http.internal.web.Router;

/** {@code GET /api/admin/diagnostics} (behind the admin guard): uptime, version, JVM, masked configuration, rate limiter, connections. */
final class AdminRoutes {
    private AdminRoutes() {
    }

    static void register(Router.Builder b, ApiRoutes.AdminInfo info) {
        b.get("/api/admin/diagnostics", r -> ApiResponse.ok(diagnostics(info)));
    }

    static Map<String, Object> diagnostics(ApiRoutes.AdminInfo info) {
        Clock clock = info.clock();
        Instant started = info.startedAt().get();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", info.version());
        m.put("started_at", started.toString());
        m.put("uptime_seconds", Math.max(0, Duration.between(started, clock.instant()).toSeconds()));
        m.put("jvm", jvm());
        m.put("configuration", ConfigMasking.mask(safe(info.effectiveConfig()), info.adminToken()));
        m.put("rate_limiter", info.rateLimiter().get());
        m.put("connections", info.connections().get());
        return m;
    }

    private static Map<String, ?> safe(Supplier<Map<String, Object>> config) {
        Map<String, Object> c = config.get();
        return c == null ? Map.of() : c;
    }

    private static Map<String, Object> jvm() {
        Runtime rt = Runtime.getRuntime();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", Runtime.version().toString());
        m.put("vendor", System.getProperty("java.vendor", "unknown"));
        m.put("vm", System.getProperty("java.vm.name", "unknown"));
        m.put("available_processors", rt.availableProcessors());
        m.put("heap_used_bytes", heap.getUsed());
        m.put("heap_committed_bytes", heap.getCommitted());
        m.put("heap_max_bytes", heap.getMax());
        return m;
    }
}
