package tech.brokerbridge.http.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.http.internal.web.ApiResponse;
import tech.brokerbridge.http.internal.web.RouteHandler;
import tech.brokerbridge.http.internal.web.Router;
import tech.brokerbridge.http.testing.StubDesk;
import tech.brokerbridge.ports.Secret;
import tech.brokerbridge.ports.license.LicenseStatus;

/**
 * The gates and the router decide on the matched route's named attributes, never on its path: each
 * attribute is put on a route under a path no prefix list would have named, and taken off a route
 * under a path one would have.
 */
class RouteAttributesTest {
    private static final String TOKEN = "tok-attributes-0123";
    private static final RouteHandler OK = r -> ApiResponse.ok(Map.of("body_bytes", r.body().length));

    private final StubDesk desk = new StubDesk();
    private final List<Runnable> offloaded = new ArrayList<>();

    private final Router router = Router.builder()
            .route("GET", "/reports/payroll").adminOnly().to(OK)
            .route("GET", "/api/admin/open-house").to(OK)
            .route("GET", "/api/proposals/free").licenseExempt().to(OK)
            .route("GET", "/api/health").to(OK)
            .route("GET", "/slow/lane").blocking().to(OK)
            .route("GET", "/api/scan").to(OK)
            .route("POST", "/api/health/notes").takesBody().to(OK)
            .route("POST", "/api/kill-switch").to(OK)
            .build();

    /** The gates and the router as the server chains them, blocking routes queued for the test to run. */
    private FullHttpResponse call(FullHttpRequest request) throws Exception {
        RouteLookup routes = new RouteLookup(router);
        TestChannels.PeerChannel ch = new TestChannels.PeerChannel(TestChannels.LOOPBACK_PEER,
                new RequestContextHandler(), new GateChain(java.util.List.of(
                        new AdminAuthGate(Optional.of(Secret.of(TOKEN)), routes), new LicenseGate(desk, routes))),
                new RouterHandler(routes, offloaded::add), new ErrorHandler(new tech.brokerbridge.http.internal.limit.ClientEvents()));
        ch.writeInbound(request);
        offloaded.forEach(Runnable::run);
        ch.runPendingTasks();
        return ch.readOutbound();
    }

    private static FullHttpRequest get(String path, String... headers) {
        return TestChannels.request(HttpMethod.GET, path, "127.0.0.1:8080", headers);
    }

    private static FullHttpRequest post(String path, String json) {
        FullHttpRequest r = TestChannels.request(HttpMethod.POST, path, "127.0.0.1:8080", "Content-Type",
                "application/json");
        r.content().writeBytes(Unpooled.copiedBuffer(json, StandardCharsets.UTF_8));
        return r;
    }

    @Test
    void adminOnlyGuardsTheRouteThatSaysSoWhateverItsPath() throws Exception {
        assertEquals(401, call(get("/reports/payroll")).status().code());
        assertEquals(200, call(get("/reports/payroll", "Authorization", "Bearer " + TOKEN)).status().code());
        assertEquals(200, call(get("/api/admin/open-house")).status().code(), "no attribute, no guard");
    }

    @Test
    void licenseExemptIsWhatTheGateReadsNotThePath() throws Exception {
        desk.license = StubDesk.license(LicenseStatus.INVALID, "the subscription was canceled");
        assertEquals(200, call(get("/api/proposals/free")).status().code());
        FullHttpResponse health = call(get("/api/health"));
        assertEquals(403, health.status().code(), "not exempt, though named like the real health route");
        assertEquals("license_invalid", TestChannels.json(health).get("error").get("code").asText());
        assertEquals(404, call(get("/api/nothing/here")).status().code(), "no route: the router's answer");
    }

    @Test
    void blockingRoutesRunOffTheEventLoop() throws Exception {
        assertEquals(200, call(get("/slow/lane")).status().code());
        assertEquals(1, offloaded.size());
        assertEquals(200, call(get("/api/scan")).status().code());
        assertEquals(1, offloaded.size(), "a route without the attribute answers on the event loop");
    }

    @Test
    void onlyARouteThatTakesABodyReadsOne() throws Exception {
        FullHttpResponse taken = call(post("/api/health/notes", "{\"note\":\"x\"}"));
        assertEquals(200, taken.status().code());
        assertEquals(12, TestChannels.json(taken).get("body_bytes").asInt());
        FullHttpResponse refused = call(post("/api/kill-switch", "{\"cancel_open_orders\":true}"));
        assertEquals(400, refused.status().code());
        assertEquals("cancel_open_orders", TestChannels.json(refused).get("error").get("field").asText());
    }

    /** Belt and braces: no handler of the pipeline names a path (a literal such as {@code "/api/..."}). */
    @Test
    void noPipelineHandlerHoldsAPathLiteral() throws IOException {
        Path dir = Path.of("src/main/java/tech/brokerbridge/http/internal/pipeline");
        assertTrue(Files.isDirectory(dir), "run from the module directory");
        Pattern pathLiteral = Pattern.compile("\"/[A-Za-z{][^\"]*\"");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                Matcher m = pathLiteral.matcher(Files.readString(f));
                while (m.find()) {
                    found.add(f.getFileName() + ": " + m.group());
                }
            }
        }
        assertEquals(List.of(), found);
    }
}
