package tech.brokerbridge.http.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LocalOnlyGuardTest {
    private final LocalOnlyGuard guard = new LocalOnlyGuard(Set.of("desk.example"));

    private FullHttpResponse refusal(FullHttpRequest request) throws Exception {
        TestChannels.Sink sink = new TestChannels.Sink();
        TestChannels.PeerChannel ch = TestChannels.chain(sink, new GateChain(List.of(guard)));
        ch.writeInbound(request);
        assertTrue(sink.passed.isEmpty(), "the request must not get through");
        FullHttpResponse r = ch.readOutbound();
        assertEquals(0, request.refCnt(), "a refused request is released");
        return r;
    }

    private void passes(FullHttpRequest request) throws Exception {
        TestChannels.Sink sink = new TestChannels.Sink();
        TestChannels.PeerChannel ch = TestChannels.chain(sink, new GateChain(List.of(guard)));
        ch.writeInbound(request);
        assertEquals(1, sink.passed.size());
        assertNull(ch.readOutbound());
        sink.passed.get(0).release();
    }

    @Test
    void aNonLoopbackPeerIsDisconnectedAtOnce() throws Exception {
        TestChannels.Sink sink = new TestChannels.Sink();
        TestChannels.PeerChannel ch = new TestChannels.PeerChannel(new InetSocketAddress("192.168.1.20", 50_000),
                new RequestContextHandler(), new GateChain(List.of(guard)), sink);
        assertFalse(ch.isOpen());
        assertTrue(sink.passed.isEmpty());
    }

    @Test
    void aNonLoopbackPeerThatSendsARequestGets403AndIsClosed() throws Exception {
        TestChannels.Sink sink = new TestChannels.Sink();
        TestChannels.PeerChannel ch = new TestChannels.PeerChannel(new InetSocketAddress("10.0.0.5", 50_000));
        ch.pipeline().addLast(new RequestContextHandler(), new GateChain(List.of(guard)), sink);
        ch.writeInbound(TestChannels.get("/api/health"));
        FullHttpResponse r = ch.readOutbound();
        assertEquals(403, r.status().code());
        assertEquals("close", r.headers().get("Connection"));
        assertTrue(sink.passed.isEmpty());
        r.release();
    }

    @Test
    void loopbackNamesWithAnyPortPass() throws Exception {
        for (String host : new String[] {"localhost", "localhost:8080", "127.0.0.1", "127.0.0.1:1", "[::1]",
            "[::1]:65535", "LOCALHOST:9", "desk.example", "desk.example:8080"}) {
            passes(TestChannels.request(HttpMethod.GET, "/api/health", host));
        }
    }

    @Test
    void foreignHostsAre403() throws Exception {
        for (String host : new String[] {"evil.example", "evil.example:8080", "127.0.0.1.nip.io", "localhost.evil",
            "127.0.0.2", "[::2]:8080", "localhost:", "localhost:abc", "localhost:70000", "0.0.0.0:8080"}) {
            FullHttpResponse r = refusal(TestChannels.request(HttpMethod.GET, "/api/health", host));
            assertEquals(403, r.status().code(), host);
            assertEquals("forbidden_host", TestChannels.json(r).get("error").get("code").asText());
            assertEquals("nosniff", r.headers().get("X-Content-Type-Options"), "security headers on refusals");
            r.release();
        }
    }

    @Test
    void missingOrRepeatedHostIs400() throws Exception {
        assertEquals(400, refusal(TestChannels.request(HttpMethod.GET, "/api/health", null)).status().code());
        assertEquals(400, refusal(TestChannels.request(HttpMethod.GET, "/api/health", "localhost", "Host",
                "evil.example")).status().code());
    }

    @Test
    void crossSiteOriginOnStateChangingMethodsIs403() throws Exception {
        for (HttpMethod m : new HttpMethod[] {HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE}) {
            for (String origin : new String[] {"http://evil.example", "http://localhost:9999", "https://localhost:8080",
                "null", "http://127.0.0.1:8080.evil.example"}) {
                FullHttpResponse r = refusal(TestChannels.request(m, "/api/scan", "localhost:8080", "Origin", origin));
                assertEquals(403, r.status().code(), m + " " + origin);
                assertEquals("forbidden_origin", TestChannels.json(r).get("error").get("code").asText());
                r.release();
            }
        }
    }

    @Test
    void ownOriginAndNoOriginPassAndReadsAreNotOriginChecked() throws Exception {
        for (String origin : new String[] {"http://localhost:8080", "http://127.0.0.1:8080", "http://[::1]:8080",
            "http://desk.example:8080", "HTTP://LOCALHOST:8080"}) {
            passes(TestChannels.request(HttpMethod.POST, "/api/scan", "localhost:8080", "Origin", origin));
        }
        passes(TestChannels.request(HttpMethod.POST, "/api/scan", "localhost:8080"));
        passes(TestChannels.request(HttpMethod.GET, "/api/health", "localhost:8080", "Origin", "http://evil.example"));
    }

    @Test
    void twoOriginsAre403() throws Exception {
        FullHttpResponse r = refusal(TestChannels.request(HttpMethod.POST, "/api/scan", "localhost:8080",
                "Origin", "http://localhost:8080", "Origin", "http://evil.example"));
        assertEquals(403, r.status().code());
    }

    @Test
    void aRequestTheCodecCouldNotParseIs400AndClosesTheConnection() throws Exception {
        FullHttpRequest bad = TestChannels.get("/api/health");
        bad.setDecoderResult(DecoderResult.failure(new IllegalArgumentException("bad line")));
        FullHttpResponse r = refusal(bad);
        assertEquals(400, r.status().code());
        assertEquals("close", r.headers().get("Connection"));
    }
}
