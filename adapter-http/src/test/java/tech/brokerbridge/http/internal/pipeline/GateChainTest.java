package tech.brokerbridge.http.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.http.internal.web.ApiException;
import tech.brokerbridge.http.internal.web.RequestContext;

/** The gates run in the chain's order, as plain calls, until the first refusal. */
class GateChainTest {
    private final List<String> ran = new ArrayList<>();

    private RequestGate gate(String name, ApiException refusal) {
        return new RequestGate() {
            @Override
            ApiException check(FullHttpRequest request, RequestContext rc, Channel channel) {
                assertNotNull(rc, "the request in flight is given to each gate");
                ran.add(name);
                return refusal;
            }
        };
    }

    @Test
    void everyGateRunsInOrderAndTheRequestGoesOn() throws Exception {
        TestChannels.Sink sink = new TestChannels.Sink();
        TestChannels.PeerChannel ch = TestChannels.chain(sink,
                new GateChain(List.of(gate("a", null), gate("b", null), gate("c", null))));
        ch.writeInbound(TestChannels.get("/api/health"));
        assertEquals(List.of("a", "b", "c"), ran);
        assertEquals(1, sink.passed.size());
        sink.passed.get(0).release();
    }

    @Test
    void theFirstRefusalIsAnsweredTheLaterGatesDoNotRunAndTheRequestIsReleased() throws Exception {
        TestChannels.Sink sink = new TestChannels.Sink();
        TestChannels.PeerChannel ch = TestChannels.chain(sink, new GateChain(List.of(gate("a", null),
                gate("b", ApiException.tooManyRequests(3)), gate("c", ApiException.forbidden("x", "y")))));
        FullHttpRequest request = TestChannels.get("/api/health");
        ch.writeInbound(request);
        assertEquals(List.of("a", "b"), ran);
        assertTrue(sink.passed.isEmpty());
        assertEquals(0, request.refCnt());
        FullHttpResponse r = ch.readOutbound();
        assertEquals(429, r.status().code());
        assertEquals("3", r.headers().get("Retry-After"));
        assertEquals("nosniff", r.headers().get("X-Content-Type-Options"));
        assertEquals(r.headers().get("X-Request-Id"), TestChannels.json(r).at("/error/request_id").asText());
        r.release();
    }

    @Test
    void aGateThatRefusesThePeerClosesTheConnectionAtOnce() throws Exception {
        RequestGate refusing = new RequestGate() {
            @Override
            ApiException check(FullHttpRequest request, RequestContext rc, Channel channel) {
                return null;
            }

            @Override
            boolean admits(Channel channel) {
                return false;
            }
        };
        TestChannels.PeerChannel ch = TestChannels.chain(new TestChannels.Sink(), new GateChain(List.of(refusing)));
        assertTrue(!ch.isOpen());
    }
}
