package tech.brokerbridge.http.internal.routes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import tech.brokerbridge.http.internal.web.ApiResponse;
import tech.brokerbridge.http.internal.web.Router;

/**
 * The page's static files: the dashboard ({@code /} and its scripts and style), Swagger UI's page
 * ({@code /docs} and its configuration), and the libraries they use, uPlot and Swagger UI, from their
 * webjars under versioned {@code /vendor/} paths. Classpath resources read once when the route table is
 * built and served from memory on the event loop. They are license exempt (the page must load to show the
 * license state) and not counted by the API rate limit ({@code STATIC_ASSET}); the API calls the page
 * makes are gated and counted as usual. The pipeline adds the security headers.
 */
final class DashboardRoutes {
    static final String BASE = "/tech/brokerbridge/http/dashboard/";
    static final String UPLOT = "/vendor/uplot-1.6.30/";
    static final String SWAGGER = "/vendor/swagger-ui-5.35.0/";
    private static final String UPLOT_JAR = "/META-INF/resources/webjars/uplot/1.6.30/dist/";
    private static final String SWAGGER_JAR = "/META-INF/resources/webjars/swagger-ui/5.35.0/";
    static final String HTML = "text/html; charset=utf-8";
    static final String JS = "text/javascript; charset=utf-8";
    static final String CSS = "text/css; charset=utf-8";
    /** Revalidate each time: the files change with the jar, never while it runs. */
    private static final Map<String, String> NO_CACHE = Map.of("Cache-Control", "no-cache");
    /** A versioned path never changes. */
    private static final Map<String, String> IMMUTABLE = Map.of("Cache-Control", "public, max-age=31536000, immutable");

    private DashboardRoutes() {
    }

    static void register(Router.Builder b) {
        serve(b, "/", BASE + "index.html", HTML, NO_CACHE);
        for (String js : new String[] {"api.js", "charts.js", "panels.js", "setup.js", "app.js", "docs.js"}) {
            serve(b, "/" + js, BASE + js, JS, NO_CACHE);
        }
        serve(b, "/app.css", BASE + "app.css", CSS, NO_CACHE);
        serve(b, "/docs", BASE + "docs.html", HTML, NO_CACHE);
        serve(b, "/favicon.ico", BASE + "favicon.svg", "image/svg+xml", NO_CACHE);
        serve(b, UPLOT + "uPlot.iife.min.js", UPLOT_JAR + "uPlot.iife.min.js", JS, IMMUTABLE);
        serve(b, UPLOT + "uPlot.min.css", UPLOT_JAR + "uPlot.min.css", CSS, IMMUTABLE);
        serve(b, SWAGGER + "swagger-ui-bundle.js", SWAGGER_JAR + "swagger-ui-bundle.js", JS, IMMUTABLE);
        InlineImages.Extracted css = InlineImages.extract(new String(read(SWAGGER_JAR + "swagger-ui.css"),
                java.nio.charset.StandardCharsets.UTF_8));
        byte[] sheet = css.css().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        b.route("GET", SWAGGER + "swagger-ui.css").licenseExempt().staticAsset()
                .to(r -> new ApiResponse(200, CSS, sheet, IMMUTABLE));
        b.route("GET", SWAGGER + "img/{name}").licenseExempt().staticAsset().to(r -> {
            InlineImages.Image img = css.images().get(r.pathParam("name"));
            if (img == null) {
                throw tech.brokerbridge.http.internal.web.ApiException.notFound("no such image");
            }
            return new ApiResponse(200, img.contentType(), img.bytes(), IMMUTABLE);
        });
    }

    private static void serve(Router.Builder b, String path, String resource, String contentType,
            Map<String, String> headers) {
        byte[] body = read(resource);
        b.route("GET", path).licenseExempt().staticAsset().to(r -> new ApiResponse(200, contentType, body, headers));
    }

    static byte[] read(String resource) {
        try (InputStream in = DashboardRoutes.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("page resource missing from the jar: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read page resource " + resource, e);
        }
    }
}
