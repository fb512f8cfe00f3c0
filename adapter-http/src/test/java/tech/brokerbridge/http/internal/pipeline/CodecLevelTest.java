package tech.brokerbridge.http.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpServerCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tech.brokerbridge.http.internal.web.ApiResponse;
import tech.brokerbridge.http.internal.web.RequestContext;
import tech.brokerbridge.http.testing.ChannelOutput;

/**
 * The handlers that work on raw HTTP: request ids and pipelining order, the bounded aggregator and the
 * idle timeout, with Netty's codec in front as in the server.
 */
class CodecLevelTest {

    /** Answers each request with its path, at once or when {@link #release} is called. */
    private static final class Echo extends ChannelInboundHandlerAdapter {
        final List<Runnable> held = new ArrayList<>();
        /** Per request: its type, its Content-Length header (or "none") and its body. */
        final List<String> seen = new ArrayList<>();
        boolean hold;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            FullHttpRequest r = (FullHttpRequest) msg;
            RequestContext rc = ctx.channel().attr(RequestContextHandler.CURRENT).get();
            seen.add(r.getClass().getSimpleName() + " " + java.util.Objects.requireNonNullElse(
                    r.headers().get("Content-Length"), "none") + " " + r.content().toString(StandardCharsets.UTF_8));
            r.release();
            Runnable answer = () -> Responder.write(ctx.channel(), ApiResponse.ok(java.util.Map.of("path", rc.path(),
                    "id", rc.requestId())));
            if (hold) {
                held.add(answer);
            } else {
                answer.run();
            }
        }

        void release() {
            held.forEach(Runnable::run);
            held.clear();
        }
    }

    private static TestChannels.PeerChannel server(Echo echo, int maxBody, Duration idle) throws Exception {
        return new TestChannels.PeerChannel(TestChannels.LOOPBACK_PEER, new HttpServerCodec(),
                new RequestContextHandler(), new BoundedBodyAggregator(maxBody),
                new IdleTimeoutHandler(idle), echo);
    }

    private static void send(TestChannels.PeerChannel ch, String raw) {
        ch.writeInbound(Unpooled.copiedBuffer(raw, StandardCharsets.ISO_8859_1));
    }

    private static String out(TestChannels.PeerChannel ch) {
        return ChannelOutput.drain(ch);
    }

    /**
     * Sends {@code raw} to a server with a 10-byte body limit and checks its answer: a 413 JSON error
     * ({@code payload_too_large}, with the request id) carrying the security headers.
     */
    private static TestChannels.PeerChannel refusedAs413(String raw) throws Exception {
        TestChannels.PeerChannel ch = server(new Echo(), 10, Duration.ofSeconds(30));
        send(ch, raw);
        String r = out(ch);
        assertTrue(r.startsWith("HTTP/1.1 413"), r);
        for (String part : List.of("\"code\":\"payload_too_large\"", "\"request_id\":\"req-", "X-Request-Id: req-",
                "X-Frame-Options: DENY", "X-Content-Type-Options: nosniff")) {
            assertTrue(r.contains(part), r);
        }
        return ch;
    }

    private static final String GET_A = "GET /api/a HTTP/1.1\r\nHost: localhost\r\n\r\n";
    private static final String GET_B = "GET /api/b HTTP/1.1\r\nHost: localhost\r\n\r\n";

    @Test
    void eachAnswerCarriesItsOwnRequestIdInHeaderAndBody() throws Exception {
        TestChannels.PeerChannel ch = server(new Echo(), 1024, Duration.ofSeconds(30));
        send(ch, GET_A);
        String first = out(ch);
        send(ch, GET_A);
        String second = out(ch);
        String id1 = header(first, "X-Request-Id");
        assertTrue(id1.matches("req-[0-9a-f]{16}"), first);
        assertTrue(first.contains("\"id\":\"" + id1 + "\""), first);
        assertNotEquals(id1, header(second, "X-Request-Id"));
    }

    @Test
    void aRequestWithoutBodyGoesOnWholeWithoutTheAggregatorAndOneWithABodyIsAggregated() throws Exception {
        Echo echo = new Echo();
        TestChannels.PeerChannel ch = server(echo, 1024, Duration.ofSeconds(30));
        send(ch, GET_A);
        send(ch, "POST /api/b HTTP/1.1\r\nHost: localhost\r\nContent-Length: 3\r\n\r\nabc");
        send(ch, "POST /api/c HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nxy\r\n0\r\n\r\n");
        // the aggregator would have made the first an aggregated request with "Content-Length: 0" added
        assertEquals(List.of("DefaultFullHttpRequest none ", "AggregatedFullHttpRequest 3 abc",
                "AggregatedFullHttpRequest 2 xy"), echo.seen);
        String answers = out(ch);
        for (String path : List.of("/api/a", "/api/b", "/api/c")) {
            assertTrue(answers.contains("\"path\":\"" + path + "\""), answers);
        }
    }

    @Test
    void pipelinedRequestsWaitForTheAnswerInFlight() throws Exception {
        Echo echo = new Echo();
        echo.hold = true;
        TestChannels.PeerChannel ch = server(echo, 1024, Duration.ofSeconds(30));
        send(ch, GET_A + GET_B);
        assertEquals(1, echo.held.size(), "the second request waits while the first is in flight");
        assertFalse(ch.config().isAutoRead(), "reading pauses while requests are parked");
        echo.hold = false;
        echo.release();
        ch.runPendingTasks();
        String both = out(ch);
        assertTrue(both.indexOf("/api/a") < both.indexOf("/api/b"), both);
        assertTrue(ch.config().isAutoRead());
    }

    @Test
    void anOversizedBodyIs413JsonWithHeadersAndTheConnectionStaysUsable() throws Exception {
        TestChannels.PeerChannel ch = refusedAs413("POST /api/a HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: 11\r\n\r\n{\"a\":12345}");
        assertTrue(ch.isOpen());
        send(ch, GET_B);
        assertTrue(out(ch).contains("/api/b"));
    }

    /** A chunked body that grows too large; a refused {@code Expect: 100-continue}. */
    @ParameterizedTest
    @ValueSource(strings = {
        "Transfer-Encoding: chunked\r\n\r\n8\r\n12345678\r\n8\r\n12345678\r\n0\r\n\r\n",
        "Expect: 100-continue\r\nContent-Length: 100\r\n\r\n"})
    void aBodyRefusedBeforeItIsReadIs413AndCloses(String headersAndBody) throws Exception {
        TestChannels.PeerChannel ch = refusedAs413("POST /api/a HTTP/1.1\r\nHost: localhost\r\n" + headersAndBody);
        ch.runPendingTasks();
        assertFalse(ch.isOpen());
    }

    @Test
    void anIdleConnectionIsClosedButNotOneWithARequestInFlight() throws Exception {
        Echo echo = new Echo();
        echo.hold = true;
        TestChannels.PeerChannel busy = server(echo, 1024, Duration.ofSeconds(5));
        busy.freezeTime();
        send(busy, GET_A);
        busy.advanceTimeBy(20, TimeUnit.SECONDS);
        busy.runScheduledPendingTasks();
        assertTrue(busy.isOpen(), "a slow request keeps its connection");
        echo.release();
        out(busy);
        busy.advanceTimeBy(6, TimeUnit.SECONDS);
        busy.runScheduledPendingTasks();
        assertFalse(busy.isOpen(), "idle after its answer: closed");
    }

    @Test
    void closeWhenIdleClosesAfterTheAnswerInFlight() throws Exception {
        Echo echo = new Echo();
        echo.hold = true;
        TestChannels.PeerChannel ch = server(echo, 1024, Duration.ofSeconds(30));
        send(ch, GET_A);
        RequestContextHandler h = ch.pipeline().get(RequestContextHandler.class);
        assertTrue(h.busy());
        h.closeWhenIdle(ch.pipeline().context(h));
        assertTrue(ch.isOpen());
        echo.release();
        String r = out(ch);
        ch.runPendingTasks();
        assertTrue(r.contains("/api/a"), r);
        assertTrue(r.toLowerCase(java.util.Locale.ROOT).contains("connection: close"), r);
        assertFalse(ch.isOpen());
    }

    /**
     * A write issued from inside another write that is still on its way to the socket (as a listener of a
     * failed write does, run at once) waits until the outer one has returned, then goes out, flushed:
     * Netty's HTTP encoder holds the outer write's buffers until then and would send them twice (the
     * fuzzer's "refCnt: 0", seed 'nested-write-after-close').
     */
    @Test
    void aWriteFromInsideAWriteGoesOutAfterIt() throws Exception {
        List<String> events = new ArrayList<>();
        io.netty.channel.ChannelOutboundHandlerAdapter socketSide = new io.netty.channel.ChannelOutboundHandlerAdapter() {
            @Override
            public void write(ChannelHandlerContext ctx, Object msg, io.netty.channel.ChannelPromise promise) {
                String status = String.valueOf(((io.netty.handler.codec.http.HttpResponse) msg).status().code());
                events.add("start " + status);
                if (status.equals("503")) {
                    ctx.channel().writeAndFlush(answer(io.netty.handler.codec.http.HttpResponseStatus.GATEWAY_TIMEOUT));
                }
                ctx.write(msg, promise);
                events.add("end " + status);
            }
        };
        TestChannels.PeerChannel ch = new TestChannels.PeerChannel(TestChannels.LOOPBACK_PEER, socketSide,
                new RequestContextHandler());
        ch.writeAndFlush(answer(io.netty.handler.codec.http.HttpResponseStatus.SERVICE_UNAVAILABLE));
        assertEquals(List.of("start 503", "end 503", "start 504", "end 504"), events);
        io.netty.handler.codec.http.HttpResponse first = ch.readOutbound();
        io.netty.handler.codec.http.HttpResponse second = ch.readOutbound();
        assertEquals(503, first.status().code());
        assertEquals(504, second.status().code(), "the nested write was flushed");
        assertNotEquals(first.headers().get("X-Request-Id"), second.headers().get("X-Request-Id"));
        ch.finishAndReleaseAll();
    }

    /**
     * What the decoder hands on after the connection closed (the rest of the last read, or what it decodes
     * at the close) is released and goes no further: nothing can answer it, and the aggregator would start
     * a body that nobody releases (the fuzzer's leak reports, under the embedded channel's at-once close).
     */
    @Test
    void aRequestDecodedAfterTheCloseIsDroppedAndReleased() throws Exception {
        Echo echo = new Echo();
        boolean[] closed = {false};
        // a channel that reports itself closed while its handlers are still there, as a socket channel does
        // between its close and the inactivity event the event loop delivers next
        io.netty.channel.embedded.EmbeddedChannel ch = new io.netty.channel.embedded.EmbeddedChannel(
                new HttpServerCodec(), new RequestContextHandler(),
                new BoundedBodyAggregator(1024), new IdleTimeoutHandler(Duration.ofSeconds(30)), echo) {
            @Override
            public boolean isActive() {
                return !closed[0] && super.isActive();
            }
        };
        closed[0] = true;
        io.netty.handler.codec.http.FullHttpRequest late = new io.netty.handler.codec.http.DefaultFullHttpRequest(
                io.netty.handler.codec.http.HttpVersion.HTTP_1_1, io.netty.handler.codec.http.HttpMethod.POST,
                "/api/a", Unpooled.copiedBuffer("{}", StandardCharsets.UTF_8));
        ch.pipeline().context(HttpServerCodec.class).fireChannelRead(late);
        assertEquals(0, late.refCnt(), "released");
        assertEquals(List.of(), echo.seen, "passed on to nobody");
        closed[0] = false;
        ch.finishAndReleaseAll();
    }

    private static io.netty.handler.codec.http.FullHttpResponse answer(
            io.netty.handler.codec.http.HttpResponseStatus status) {
        io.netty.handler.codec.http.FullHttpResponse r = new io.netty.handler.codec.http.DefaultFullHttpResponse(
                io.netty.handler.codec.http.HttpVersion.HTTP_1_1, status);
        io.netty.handler.codec.http.HttpUtil.setContentLength(r, 0);   // the connection stays open after it
        return r;
    }

    @Test
    void thePathIsDecodedOnceForEveryHandler() {
        assertEquals("/api/a", RequestContextHandler.path("/api/a?b=1"));
        assertEquals("/api/admin/diagnostics", RequestContextHandler.path("/api/%61dmin/diagnostics?x=%zz"));
        assertEquals("/api/x", RequestContextHandler.path("/api/x#frag"));
        assertEquals("/api/%zz", RequestContextHandler.path("/api/%zz?q"), "undecodable: raw, matches no route");
    }

    private static String header(String response, String name) {
        for (String line : response.split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith(name.toLowerCase(java.util.Locale.ROOT) + ":")) {
                return line.substring(name.length() + 1).trim();
            }
        }
        return "";
    }
}
