package tech.brokerbridge.http.internal.pipeline;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValidationUtil;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import tech.brokerbridge.http.internal.web.ApiException;
import tech.brokerbridge.http.internal.web.ApiResponse;
import tech.brokerbridge.http.internal.web.RequestContext;

/**
 * Writes answers. Always from the tail of the pipeline ({@code channel.writeAndFlush}), so every answer
 * passes the request-id handler, which stamps the id and the security headers, wherever and on whatever
 * thread it was made.
 *
 * <p>An answer's headers are made without Netty's per-value validation, which profiling showed to be
 * a good part of an answer's cost: the values this server sets are its own constants, numbers and
 * generated ids; those a route adds are checked here, once, by the same rules. An answer has a
 * {@code Content-Length} and so never trailers: it gets the shared empty trailers instead of a header map of
 * its own (JFR: the two maps' arrays were about a fifth of the bytes allocated per request).
 */
public final class Responder {
    /**
     * Headers of answers: neither names nor values validated on every set (see the class comment;
     * {@code withValidation(false)} alone still checks every value).
     */
    static final HttpHeadersFactory HEADERS = DefaultHttpHeadersFactory.headersFactory()
            .withNameValidation(false).withValueValidation(false);

    private Responder() {
    }

    public static void write(Channel channel, ApiResponse response) {
        channel.writeAndFlush(toNetty(response));
    }

    public static void error(Channel channel, RequestContext rc, ApiException e) {
        write(channel, ApiResponse.error(e, rc == null ? "unknown" : rc.requestId()));
    }

    public static FullHttpResponse toNetty(ApiResponse r) {
        FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(r.status()),
                Unpooled.wrappedBuffer(r.body()), HEADERS.newHeaders(), EmptyHttpHeaders.INSTANCE);
        HttpHeaders h = res.headers();
        h.set(HttpHeaderNames.CONTENT_TYPE, r.contentType());
        h.setInt(HttpHeaderNames.CONTENT_LENGTH, r.body().length);
        r.headers().forEach((name, value) -> h.set(checkedName(name), checkedValue(value)));
        return res;
    }

    private static String checkedName(String name) {
        if (name.isEmpty() || HttpHeaderValidationUtil.validateToken(name) >= 0) {
            throw new IllegalArgumentException("not a header name: " + name);
        }
        return name;
    }

    private static String checkedValue(String value) {
        if (HttpHeaderValidationUtil.validateValidHeaderValue(value) >= 0) {
            throw new IllegalArgumentException("not a header value (control characters)");
        }
        return value;
    }
}
