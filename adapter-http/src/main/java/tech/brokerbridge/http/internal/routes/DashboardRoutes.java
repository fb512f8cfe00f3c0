package tech.brokerbridge.http.internal.routes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import tech.brokerbridge.http.internal.web.ApiResponse;
import tech.brokerbridge.http.internal.web.Router;

/**
 * The static dashboard: {@code GET /}, {@code /app.js} and {@code /app.css}, classpath resources read
 * once when the route table is built and served from memory on the event loop. They are license
 * exempt (the page must load to show the license state); the API calls the page makes are gated as
 * usual. The pipeline adds the security headers.
 */
final class DashboardRoutes {
    static final String BASE = "/tech/brokerbridge/http/dashboard/";
    /** Revalidate each time: the files change with the jar, never while it runs. */
    private static final Map<String, String> NO_CACHE = Map.of("Cache-Control", "no-cache");

    private DashboardRoutes() {
    }

    static void register(Router.Builder b) {
        serve(b, "/", "index.html", "text/html; charset=utf-8");
        serve(b, "/app.js", "app.js", "text/javascript; charset=utf-8");
        serve(b, "/app.css", "app.css", "text/css; charset=utf-8");
    }

    private static void serve(Router.Builder b, String path, String file, String contentType) {
        byte[] body = read(file);
        b.route("GET", path).licenseExempt().staticAsset().to(r -> new ApiResponse(200, contentType, body, NO_CACHE));
    }

    static byte[] read(String file) {
        try (InputStream in = DashboardRoutes.class.getResourceAsStream(BASE + file)) {
            if (in == null) {
                throw new IllegalStateException("dashboard resource missing from the jar: " + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dashboard resource " + file, e);
        }
    }
}
