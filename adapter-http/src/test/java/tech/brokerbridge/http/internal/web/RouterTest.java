package tech.brokerbridge.http.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RouterTest {
    private final RouteHandler h = r -> ApiResponse.ok(Map.of());
    private final Router router = Router.builder()
            .route("GET", "/api/health").to(h)
            .route("GET", "/api/proposals/{id}").blocking().to(h)
            .route("POST", "/api/proposals/{id}/approve").blocking().takesBody().to(h)
            .route("POST", "/api/kill-switch").blocking().takesBody().to(h)
            .route("DELETE", "/api/kill-switch").blocking().to(h)
            .build();

    @Test
    void matchesExactPathsAndCapturesSegments() {
        assertEquals("GET", router.match("GET", "/api/health").route().method());
        Router.Match m = router.match("POST", "/api/proposals/prp-0123456789ab/approve");
        assertEquals(Map.of("id", "prp-0123456789ab"), m.pathParams());
    }

    @Test
    void unknownPathIs404() {
        ApiException e = assertThrows(ApiException.class, () -> router.match("GET", "/api/nothing"));
        assertEquals(404, e.status());
        assertEquals("not_found", e.code());
    }

    @Test
    void wrongMethodIs405WithAllowListingEveryMethodOfThePath() {
        ApiException e = assertThrows(ApiException.class, () -> router.match("PUT", "/api/kill-switch"));
        assertEquals(405, e.status());
        assertEquals("DELETE, POST", e.headers().get("Allow"));
    }

    @Test
    void noNormalisationSoTricksMatchNothing() {
        for (String p : new String[] {"/api/health/", "//api/health", "/api/./health", "/api/x/../health",
            "api/health", "/api/proposals//approve", "/api/proposals/"}) {
            ApiException e = assertThrows(ApiException.class, () -> router.match("GET", p), p);
            assertEquals(404, e.status(), p);
        }
    }
}
