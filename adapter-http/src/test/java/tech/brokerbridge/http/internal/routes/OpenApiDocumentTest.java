package tech.brokerbridge.http.internal.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.http.internal.web.ApiResponse;
import tech.brokerbridge.http.internal.web.Route;
import tech.brokerbridge.http.internal.web.Router;
import tech.brokerbridge.http.testing.StubDesk;
import tech.brokerbridge.http.testing.StubSetupDesk;
import tech.brokerbridge.ports.desk.LicenseDesk;

/** {@code /openapi.json} against the route table: every route documented, nothing documented that does not exist. */
class OpenApiDocumentTest {
    static Router fullRouter() {
        StubDesk desk = new StubDesk();
        LicenseDesk license = new LicenseDesk() {
            @Override
            public tech.brokerbridge.ports.license.LicenseState license() {
                return desk.license();
            }

            @Override
            public tech.brokerbridge.ports.desk.ActivationResult activate(tech.brokerbridge.ports.Secret k,
                    tech.brokerbridge.ports.Secret s) {
                throw new UnsupportedOperationException();
            }

            @Override
            public tech.brokerbridge.ports.license.LicenseState refresh() {
                return desk.license();
            }
        };
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T15:00:00Z"), java.time.ZoneOffset.UTC);
        return ApiRoutes.build(desk, Optional.of(new StubSetupDesk()), Optional.of(license), clock,
                new ApiRoutes.AdminInfo("1.2.3-test", clock, clock::instant, Map::of,
                        () -> new ApiRoutes.RateLimiterFigures(0, 0, 0, 0, 100, 60),
                        () -> new ApiRoutes.ConnectionFigures(0, 0, 64, 16, 10, 0, 0, 0, 0, 0, 0, 0), Optional.empty()));
    }

    private static Set<String> routes(Router router) {
        Set<String> keys = new TreeSet<>();
        for (Route r : router.routes()) {
            keys.add(r.method() + " " + r.path());
        }
        return keys;
    }

    private static Set<String> documented(JsonNode doc) {
        Set<String> keys = new TreeSet<>();
        Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> p = paths.next();
            p.getValue().fieldNames().forEachRemaining(m -> {
                if (!p.getValue().get(m).get("summary").asText().equals("undocumented")) {
                    keys.add(m.toUpperCase(java.util.Locale.ROOT) + " " + p.getKey());
                }
            });
        }
        return keys;
    }

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedRouteExists() {
        Router router = fullRouter();
        Set<String> routes = routes(router);
        Set<String> table = new TreeSet<>(ApiDocs.all().keySet());
        Set<String> missing = new TreeSet<>(routes);
        missing.removeAll(table);
        Set<String> extra = new TreeSet<>(table);
        extra.removeAll(routes);
        assertEquals(Set.of(), missing, "routes missing from the document");
        assertEquals(Set.of(), extra, "documented routes that do not exist");
        ObjectNode doc = OpenApiDocument.build(router, "1.2.3-test");
        assertEquals(routes, documented(doc), "the document's paths are the router's");
        assertEquals("3.1.0", doc.get("openapi").asText());
        assertTrue(routes.size() >= 40, "all routes: " + routes.size());
    }

    @Test
    void aRouteWithoutAnEntryIsCaught() {
        Router.Builder b = Router.builder();
        b.route("GET", "/api/health").to(r -> ApiResponse.ok(Map.of()));
        b.route("GET", "/api/not-in-the-table").to(r -> ApiResponse.ok(Map.of()));
        Router router = b.build();
        ObjectNode doc = OpenApiDocument.build(router, "x");
        Set<String> undocumented = new TreeSet<>(routes(router));
        undocumented.removeAll(documented(doc));
        assertEquals(Set.of("GET /api/not-in-the-table"), undocumented);
    }

    @Test
    void answersAreSchemasOfTheirRecordsWithTheErrorShape() {
        ObjectNode doc = OpenApiDocument.build(fullRouter(), "x");
        JsonNode health = doc.at("/paths/~1api~1health/get/responses/200/content/application~1json/schema");
        assertEquals("#/components/schemas/HealthAnswer", health.get("$ref").asText());
        JsonNode props = doc.at("/components/schemas/HealthAnswer/properties");
        assertEquals("[\"string\",\"null\"]", props.get("next_scan_at").get("type").toString());
        assertEquals("boolean", props.get("scan_in_progress").get("type").asText());
        JsonNode approve = doc.at("/paths/~1api~1proposals~1{id}~1approve/post");
        assertTrue(approve.at("/responses/422").has("content"), "422 documented");
        assertTrue(approve.at("/responses/429").has("content"), "429 added from the pipeline");
        assertEquals("#/components/schemas/Error", approve.at("/responses/409/content/application~1json/schema/$ref")
                .asText());
        assertEquals("#/components/schemas/ApiDocs_ApproveBody",
                approve.at("/requestBody/content/application~1json/schema/$ref").asText());
    }
}
