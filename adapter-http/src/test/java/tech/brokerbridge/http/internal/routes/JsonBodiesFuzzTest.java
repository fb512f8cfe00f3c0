package tech.brokerbridge.http.internal.routes;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tech.brokerbridge.http.internal.web.ApiException;
import tech.brokerbridge.http.internal.web.ApiRequest;
import tech.brokerbridge.http.internal.web.ApiResponse;
import tech.brokerbridge.http.internal.web.RequestContext;
import tech.brokerbridge.http.internal.web.Router;
import tech.brokerbridge.http.testing.MutableClock;
import tech.brokerbridge.http.testing.StubDesk;
import tech.brokerbridge.http.testing.StubSetupDesk;

/**
 * Issue 14.12: any body for every route that takes one, straight to the route (the pipeline's own checks —
 * media type, UTF-8 — are the HTTP target's). A route answers, or refuses with an {@link ApiException} that
 * says why (a 4xx, or a deliberate 5xx such as 501 "the IB adapter is not available"); an
 * {@code internal_error} or any other exception is a finding. The regular test run replays the seeds in
 * {@code JsonBodiesFuzzTestInputs/}; {@code bench/fuzz/run.sh} fuzzes.
 */
class JsonBodiesFuzzTest {
    private static final MutableClock CLOCK = MutableClock.at("2026-03-02T15:00:00Z");
    private static final Router ROUTER = ApiRoutes.build(new StubDesk(), Optional.of(new StubSetupDesk()),
            Optional.empty(), CLOCK, new ApiRoutes.AdminInfo("fuzz", CLOCK, () -> Instant.EPOCH, Map::of,
                    () -> new ApiRoutes.RateLimiterFigures(0, 0, 0, 0, 100, 60), RouteCalls::noConnections,
                    Optional.empty()));
    /** Every route that takes a body, with a path that exists in the stub desk. */
    private static final List<String[]> ROUTES = List.of(
            new String[] {"POST", "/api/proposals/prp-0123456789ab/approve"},
            new String[] {"POST", "/api/proposals/prp-0123456789ab/reject"},
            new String[] {"POST", "/api/kill-switch"},
            new String[] {"POST", "/api/setup/config"},
            new String[] {"POST", "/api/credentials/test"},
            new String[] {"POST", "/api/credentials/save"},
            new String[] {"POST", "/api/credentials/ibkr/test"});
    /** Issue 12's routes that take a body (kept apart so the seeds above keep picking the routes they name). */
    private static final List<String[]> TRADE_ROUTES = List.of(
            new String[] {"POST", "/api/positions/AAPL/close"},
            new String[] {"POST", "/api/positions/AAPL/rearm-stop"},
            new String[] {"POST", "/api/orders/ord-0123456789ab/cancel"},
            new String[] {"POST", "/api/orders/ord-0123456789ab/modify"});

    /** Byte 0 picks the route; the rest is the body. */
    @FuzzTest
    void anyBodyIsAnsweredOrRefusedWith4xx(byte[] input) {
        answeredOrRefused(ROUTES, input);
    }

    /** The same for the trade actions: byte 0 picks the route; the rest is the body. */
    @FuzzTest
    void anyTradeActionBodyIsAnsweredOrRefusedWith4xx(byte[] input) {
        answeredOrRefused(TRADE_ROUTES, input);
    }

    private static void answeredOrRefused(List<String[]> routes, byte[] input) {
        if (input.length == 0) {
            return;
        }
        String[] route = routes.get((input[0] & 0xFF) % routes.size());
        Router.Match m = ROUTER.match(route[0], route[1]);
        byte[] body = java.util.Arrays.copyOfRange(input, 1, input.length);
        ApiRequest request = new ApiRequest(new RequestContext("req-fuzz", route[0], route[1]), Map.of(),
                m.pathParams(), body);
        try {
            ApiResponse r = m.route().handler().handle(request);
            assertTrue(r.status() < 500 || !new String(r.body(), java.nio.charset.StandardCharsets.UTF_8)
                    .contains("internal_error"), route[1] + " answered " + r.status());
        } catch (ApiException refused) {
            assertTrue(refused.status() >= 400 && !refused.code().equals("internal_error"),
                    route[1] + " refused with " + refused.status() + ": " + refused.getMessage());
        }
    }
}
