package tech.brokerbridge.http.internal.routes;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tech.brokerbridge.http.internal.web.ApiException;
import tech.brokerbridge.http.internal.web.ApiRequest;
import tech.brokerbridge.http.internal.web.ApiResponse;
import tech.brokerbridge.http.internal.web.Json;
import tech.brokerbridge.http.internal.web.RequestContext;
import tech.brokerbridge.http.internal.web.Router;
import tech.brokerbridge.http.testing.MutableClock;
import tech.brokerbridge.http.testing.StubDesk;

/** Calls routes of the real route table directly, without a server. */
final class RouteCalls {
    final StubDesk desk = new StubDesk();
    final MutableClock clock = MutableClock.at("2026-03-02T15:00:00Z");
    final Router router = ApiRoutes.build(desk, clock, new ApiRoutes.AdminInfo("1.2.3-test", clock,
            () -> Instant.parse("2026-03-02T14:00:00Z"), () -> Map.of("port", 8080),
            () -> new ApiRoutes.RateLimiterFigures(1, 0, 0, 0, 100, 60), RouteCalls::noConnections,
            Optional.empty()));

    static ApiRoutes.ConnectionFigures noConnections() {
        return new ApiRoutes.ConnectionFigures(1, 1, 512, 128, 10, 0, 0, 0, 0, 0, 0, 0);
    }

    ApiResponse call(String method, String uri, String body) {
        return call(method, uri, body, Optional.empty());
    }

    /** A call with an {@code Idempotency-Key} header when {@code key} is present. */
    ApiResponse call(String method, String uri, String body, Optional<String> key) {
        String path = new QueryStringDecoder(uri).path();
        Router.Match m = router.match(method, path);
        ApiRequest r = new ApiRequest(new RequestContext("req-test", method, path),
                new QueryStringDecoder(uri).parameters(), m.pathParams(),
                body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8), key);
        try {
            return m.route().handler().handle(r);
        } catch (ApiException e) {
            return ApiResponse.error(e, "req-test");
        }
    }

    static JsonNode json(ApiResponse r) {
        try {
            return Json.mapper().readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(ApiResponse r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
