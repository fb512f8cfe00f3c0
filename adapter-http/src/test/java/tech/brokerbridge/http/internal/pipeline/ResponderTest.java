package tech.brokerbridge.http.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.handler.codec.http.FullHttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.http.internal.web.ApiResponse;

/** Answers are built without Netty's per-set validation, so a route's own headers are checked here. */
class ResponderTest {
    private static ApiResponse withHeader(String name, String value) {
        return new ApiResponse(200, ApiResponse.JSON, "{}".getBytes(StandardCharsets.UTF_8), Map.of(name, value));
    }

    @Test
    void aRoutesHeaderIsCopied() {
        FullHttpResponse r = Responder.toNetty(withHeader("Retry-After", "3"));
        try {
            assertEquals("3", r.headers().get("Retry-After"));
            assertEquals("2", r.headers().get("Content-Length"));
        } finally {
            r.release();
        }
    }

    @Test
    void aHeaderValueWithALineBreakIsRefusedNotSent() {
        assertThrows(IllegalArgumentException.class, () -> Responder.toNetty(withHeader("X-Note", "a\r\nSet-Cookie: x=1")));
        assertThrows(IllegalArgumentException.class, () -> Responder.toNetty(withHeader("X-Note", "a\nb")));
    }

    @Test
    void aHeaderNameThatIsNotATokenIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Responder.toNetty(withHeader("X Note", "a")));
        assertThrows(IllegalArgumentException.class, () -> Responder.toNetty(withHeader("X-Note:", "a")));
        assertThrows(IllegalArgumentException.class, () -> Responder.toNetty(withHeader("", "a")));
    }
}
