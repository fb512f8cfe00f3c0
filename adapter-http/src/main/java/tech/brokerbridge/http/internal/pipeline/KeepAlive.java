package tech.brokerbridge.http.internal.pipeline;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * One connection's HTTP/1.1 persistence, decided exactly as Netty's {@code HttpServerKeepAliveHandler}
 * does, as plain calls of the {@link RequestContextHandler} rather than a handler of its own (each handler
 * costs every request a hop through the pipeline each way; issue 17's profile). A request that asks to
 * close, or an answer that says so or whose end the client could not tell, ends persistence: that answer
 * gets {@code Connection: close} and the connection closes once it is written.
 */
final class KeepAlive {
    private static final String MULTIPART_PREFIX = "multipart";
    private boolean persistent = true;
    private int pending;

    /** A request arrived (called for each, in arrival order, before any waits its turn). */
    void request(HttpRequest request) {
        if (persistent) {
            pending++;
            persistent = HttpUtil.isKeepAlive(request);
        }
    }

    /** An outbound message, after its headers are final; returns the promise to write it with. */
    ChannelPromise write(Object msg, ChannelPromise promise) {
        if (msg instanceof HttpResponse response) {
            if (!informational(response)) {
                pending--;
            }
            if (!HttpUtil.isKeepAlive(response) || !selfDefinedLength(response)) {
                pending = 0;
                persistent = false;
            }
            if (!keepAlive()) {
                HttpUtil.setKeepAlive(response, false);
            }
        }
        if (msg instanceof LastHttpContent && !keepAlive()) {
            return promise.unvoid().addListener(ChannelFutureListener.CLOSE);
        }
        return promise;
    }

    private boolean keepAlive() {
        return pending != 0 || persistent;
    }

    private static boolean selfDefinedLength(HttpResponse r) {
        return HttpUtil.isContentLengthSet(r) || HttpUtil.isTransferEncodingChunked(r) || multipart(r)
                || informational(r) || r.status().code() == HttpResponseStatus.NO_CONTENT.code();
    }

    private static boolean informational(HttpResponse r) {
        return r.status().codeClass() == HttpStatusClass.INFORMATIONAL;
    }

    private static boolean multipart(HttpResponse r) {
        String type = r.headers().get(HttpHeaderNames.CONTENT_TYPE);
        return type != null && type.regionMatches(true, 0, MULTIPART_PREFIX, 0, MULTIPART_PREFIX.length());
    }
}
