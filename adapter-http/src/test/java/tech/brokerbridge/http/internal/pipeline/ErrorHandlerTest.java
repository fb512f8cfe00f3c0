package tech.brokerbridge.http.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netty.handler.codec.http.FullHttpResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ErrorHandlerTest {
    /** A route that fails with {@code failure}. */
    private static TestChannels.Tail failing(Exception failure) {
        return new TestChannels.Tail(ctx -> {
            throw failure;
        });
    }

    @Test
    void anUnexpectedFailureIsOneJson500AndTheConnectionCloses() throws Exception {
        TestChannels.PeerChannel ch = new TestChannels.PeerChannel(TestChannels.LOOPBACK_PEER,
                new RequestContextHandler(),
                failing(new IllegalStateException("internal detail")), new ErrorHandler(new tech.brokerbridge.http.internal.limit.ClientEvents()));
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
                new RequestContextHandler(), failing(new IOException("reset by peer")), new ErrorHandler(new tech.brokerbridge.http.internal.limit.ClientEvents()));
        ch.writeInbound(TestChannels.get("/api/health"));
        assertNull(ch.readOutbound());
        assertFalse(ch.isOpen());
    }
}
