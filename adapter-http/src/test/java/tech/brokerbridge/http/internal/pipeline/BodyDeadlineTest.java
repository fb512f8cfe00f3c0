package tech.brokerbridge.http.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.Test;

/** Which requests get a body deadline at all (the deadline itself: StalledBodyAttackSocketTest). */
class BodyDeadlineTest {

    private static HttpRequest request(String... headers) {
        HttpRequest r = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/api/scan");
        for (int i = 0; i < headers.length; i += 2) {
            r.headers().add(headers[i], headers[i + 1]);
        }
        return r;
    }

    @Test
    void aRequestWithoutLengthOrTransferEncodingHasNoBody() {
        assertFalse(BodyDeadline.hasBody(request()));
        assertFalse(BodyDeadline.hasBody(request("Content-Length", "0")));
    }

    @Test
    void aLengthOrAChunkedBodyIsABody() {
        assertTrue(BodyDeadline.hasBody(request("Content-Length", "1")));
        assertTrue(BodyDeadline.hasBody(request("Transfer-Encoding", "chunked")));
        assertTrue(BodyDeadline.hasBody(request("Content-Length", "0", "Transfer-Encoding", "chunked")));
    }
}
