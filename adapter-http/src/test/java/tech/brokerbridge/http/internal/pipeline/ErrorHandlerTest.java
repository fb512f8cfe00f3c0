package tech.brokerbridge.http.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ErrorHandlerTest {
    private static final class Failing extends ChannelInboundHandlerAdapter {
        private final Exception failure;

        Failing(Exception failure) {
            this.failure = failure;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            ReferenceCountUtil.release(msg);
            throw failure;
        }
    }

    @Test
    void anUnexpectedFailureIsOneJson500AndTheConnectionCloses() throws Exception {
        TestChannels.PeerChannel ch = new TestChannels.PeerChannel(TestChannels.LOOPBACK_PEER,
                new RequestContextHandler(),
                new Failing(new IllegalStateException("internal detail")), new ErrorHandler(new tech.brokerbridge.http.internal.limit.ClientEvents()));
        ch.writeInbound(TestChannels.get("/api/health"));
        FullHttpResponse r = ch.readOutbound();
        assertEquals(500, r.status().code());
        assertEquals("internal_error", TestChannels.json(r).get("error").get("code").asText());
        assertFalse(r.content().toString(StandardCharsets.UTF_8).contains("internal detail"));
        assertEquals("close", r.headers().get("Connection"));
        assertEquals("DENY", r.headers().get("X-Frame-Options"));
    }

    @Test
    void aConnectionFailureJustCloses() throws Exception {
        TestChannels.PeerChannel ch = new TestChannels.PeerChannel(TestChannels.LOOPBACK_PEER,
                new RequestContextHandler(), new Failing(new IOException("reset by peer")), new ErrorHandler(new tech.brokerbridge.http.internal.limit.ClientEvents()));
        ch.writeInbound(TestChannels.get("/api/health"));
        assertNull(ch.readOutbound());
        assertFalse(ch.isOpen());
    }
}
