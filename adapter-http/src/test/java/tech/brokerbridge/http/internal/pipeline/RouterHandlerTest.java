package tech.brokerbridge.http.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.http.internal.web.ApiResponse;
import tech.brokerbridge.http.internal.web.Router;
import tech.brokerbridge.ports.journal.JournalException;

class RouterHandlerTest {
    private final List<Runnable> queued = new ArrayList<>();
    private final Executor recording = queued::add;

    private final Router router = Router.builder()
            .route("GET", "/api/fast").to(r -> ApiResponse.ok(Map.of("q", r.query().toString())))
            .route("GET", "/api/slow").query("limit").blocking().to(r -> ApiResponse.ok(Map.of("slow", true)))
            .route("POST", "/api/body").blocking().takesBody()
            .to(r -> ApiResponse.ok(Map.of("len", r.body().length)))
            .route("POST", "/api/nobody").to(r -> ApiResponse.ok(Map.of()))
            .route("GET", "/api/boom").to(r -> {
                throw new IllegalStateException("secret internals at line 42");
            })
            .route("GET", "/api/down").to(r -> {
                throw new JournalException("disk busy", true, null);
            })
            .build();

    private FullHttpResponse call(Executor executor, FullHttpRequest request) throws Exception {
        TestChannels.PeerChannel ch = new TestChannels.PeerChannel(TestChannels.LOOPBACK_PEER,
                new RequestContextHandler(),
                new RouterHandler(new RouteLookup(router), executor),
                new ErrorHandler(new tech.brokerbridge.http.internal.limit.ClientEvents()));
        ch.writeInbound(request);
        assertEquals(0, request.refCnt(), "the router releases the request");
        queued.forEach(Runnable::run);
        ch.runPendingTasks();
        return ch.readOutbound();
    }

    private static FullHttpRequest post(String uri, String contentType, String body) {
        FullHttpRequest r = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, uri,
                Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
        r.headers().set("Host", "localhost");
        if (contentType != null) {
            r.headers().set("Content-Type", contentType);
        }
        return r;
    }

    @Test
    void nonBlockingRoutesAnswerOnTheEventLoopAndBlockingOnesOnTheExecutor() throws Exception {
        FullHttpResponse fast = call(r -> {
            fail("must not be offloaded");
        }, TestChannels.get("/api/fast"));
        assertEquals(200, fast.status().code());
        FullHttpResponse slow = call(recording, TestChannels.get("/api/slow?limit=3"));
        assertEquals(200, slow.status().code());
        assertEquals(1, queued.size());
    }

    @Test
    void unknownRouteAndWrongMethod() throws Exception {
        assertEquals(404, call(recording, TestChannels.get("/api/none")).status().code());
        FullHttpResponse r = call(recording, TestChannels.request(HttpMethod.DELETE, "/api/fast", "localhost"));
        assertEquals(405, r.status().code());
        assertEquals("GET", r.headers().get("Allow"));
    }

    @Test
    void unknownQueryParameterIsNamed() throws Exception {
        FullHttpResponse r = call(recording, TestChannels.get("/api/slow?limit=1&sort=desc"));
        assertEquals(400, r.status().code());
        assertEquals("sort", TestChannels.json(r).get("error").get("field").asText());
        assertTrue(queued.isEmpty());
    }

    @Test
    void aBodyMustBeJson() throws Exception {
        assertEquals(415, call(recording, post("/api/body", "text/plain", "hello")).status().code());
        assertEquals(415, call(recording, post("/api/body", null, "{}")).status().code());
        assertEquals(200, call(recording, post("/api/body", "application/json; charset=utf-8", "{}")).status().code());
        assertEquals(200, call(recording, post("/api/body", "text/plain", "")).status().code(),
                "no body, no media type needed");
    }

    @Test
    void aRouteWithoutBodyAcceptsNothingButNullOrAnEmptyObject() throws Exception {
        assertEquals(200, call(recording, post("/api/nobody", "application/json", "null")).status().code());
        assertEquals(200, call(recording, post("/api/nobody", "application/json", "{}")).status().code());
        FullHttpResponse r = call(recording, post("/api/nobody", "application/json", "{\"force\":true}"));
        assertEquals(400, r.status().code());
        assertEquals("force", TestChannels.json(r).get("error").get("field").asText());
    }

    @Test
    void failuresBecome500Or503WithoutInternals() throws Exception {
        FullHttpResponse boom = call(recording, TestChannels.get("/api/boom"));
        assertEquals(500, boom.status().code());
        String body = boom.content().toString(StandardCharsets.UTF_8);
        assertFalse(body.contains("secret internals") || body.contains("IllegalState") || body.contains("at "), body);
        assertEquals(boom.headers().get("X-Request-Id"), TestChannels.json(boom).get("error").get("request_id").asText());
        FullHttpResponse down = call(recording, TestChannels.get("/api/down"));
        assertEquals(503, down.status().code());
        assertEquals("1", down.headers().get("Retry-After"));
    }

    @Test
    void aFullExecutorIs503() throws Exception {
        FullHttpResponse r = call(x -> {
            throw new RejectedExecutionException("full");
        }, TestChannels.get("/api/slow"));
        assertEquals(503, r.status().code());
        assertEquals("unavailable", TestChannels.json(r).get("error").get("code").asText());
    }
}
