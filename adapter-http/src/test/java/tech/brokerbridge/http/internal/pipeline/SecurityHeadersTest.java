package tech.brokerbridge.http.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.Test;

/** The request-id handler stamps the security headers on every final answer, whoever made it. */
class SecurityHeadersTest {

    private static FullHttpResponse answer(String uri, int status) throws Exception {
        TestChannels.PeerChannel ch = new TestChannels.PeerChannel(TestChannels.LOOPBACK_PEER,
                new RequestContextHandler(),
                // answers from the tail, like every real route
                new TestChannels.Tail(ctx -> ctx.channel().writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                        HttpResponseStatus.valueOf(status)))));
        ch.writeInbound(TestChannels.get(uri));
        return ch.readOutbound();
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersWhateverItsStatus() throws Exception {
        for (int status : new int[] {200, 400, 404, 413, 429, 500, 503}) {
            FullHttpResponse r = answer("/api/health", status);
            assertEquals("nosniff", r.headers().get("X-Content-Type-Options"));
            assertEquals("DENY", r.headers().get("X-Frame-Options"));
            assertTrue(r.headers().get("Content-Security-Policy").startsWith("default-src 'self'; frame-ancestors 'none'"));
            assertEquals("no-referrer", r.headers().get("Referrer-Policy"));
            String pp = r.headers().get("Permissions-Policy");
            for (String f : new String[] {"camera=()", "microphone=()", "geolocation=()", "payment=()"}) {
                assertTrue(pp.contains(f), pp);
            }
            assertEquals("max-age=31536000; includeSubDomains", r.headers().get("Strict-Transport-Security"));
            assertEquals("no-store", r.headers().get("Cache-Control"));
            assertTrue(r.headers().get("X-Request-Id").matches("req-[0-9a-f]{16}"));
            r.release();
        }
    }

    @Test
    void noStoreOnlyOnTheApi() throws Exception {
        FullHttpResponse r = answer("/index.html", 200);
        assertNull(r.headers().get("Cache-Control"));
        assertEquals("DENY", r.headers().get("X-Frame-Options"));
        r.release();
    }
}
