package tech.brokerbridge.http.internal.pipeline;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import tech.brokerbridge.http.internal.web.ApiException;
import tech.brokerbridge.http.internal.web.ApiResponse;
import tech.brokerbridge.http.internal.web.RequestContext;

/**
 * Writes answers. Always from the tail of the pipeline ({@code channel.writeAndFlush}), so every answer
 * passes the security-headers and request-id handlers, wherever and on whatever thread it was made.
 */
public final class Responder {
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
                Unpooled.wrappedBuffer(r.body()));
        HttpHeaders h = res.headers();
        h.set(HttpHeaderNames.CONTENT_TYPE, r.contentType());
        h.setInt(HttpHeaderNames.CONTENT_LENGTH, r.body().length);
        r.headers().forEach(h::set);
        return res;
    }
}
