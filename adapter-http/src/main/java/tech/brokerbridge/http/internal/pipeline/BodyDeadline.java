package tech.brokerbridge.http.internal.pipeline;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.util.AttributeKey;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import tech.brokerbridge.http.internal.limit.ClientEvents;
import tech.brokerbridge.http.internal.web.ApiException;
import tech.brokerbridge.http.internal.web.ApiResponse;
import tech.brokerbridge.http.internal.web.RequestContext;

/**
 * Once a request's headers have arrived, its whole body must arrive within the deadline; else the request
 * gets 408 and the connection closes. The idle timeout cannot do this: it spares connections with a
 * request in flight, and a body that stalls after one byte keeps a request in flight forever.
 *
 * <p>One per connection, told by {@link RequestContextHandler} when a request starts and when its body
 * has arrived (plain calls, not a pipeline handler of its own). Event loop only.
 */
final class BodyDeadline {
    /** Set on a connection this handler ended: the aggregator's complaint about the cut body is not the client's doing. */
    static final AttributeKey<Boolean> EXPIRED = AttributeKey.valueOf("brokerbridge.body-deadline-expired");
    private final long timeoutNanos;
    private final ClientEvents events;
    private ScheduledFuture<?> timer;

    BodyDeadline(Duration timeout, ClientEvents events) {
        this.timeoutNanos = timeout.toNanos();
        this.events = events;
    }

    /** A request's headers have arrived; {@code hasBody}: see {@link #hasBody}. */
    void started(ChannelHandlerContext ctx, boolean hasBody) {
        cancel();
        if (hasBody) { // a request without a body is whole already: no timer to set and cancel
            timer = ctx.executor().schedule(() -> expire(ctx), timeoutNanos, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * Whether a body follows the headers (RFC 9112 6.3: a request has one only with {@code Content-Length}
     * or {@code Transfer-Encoding}; {@code Content-Length: 0} is none). The codec refuses other framings.
     */
    static boolean hasBody(HttpRequest request) {
        HttpHeaders h = request.headers();
        if (h.contains(HttpHeaderNames.TRANSFER_ENCODING)) {
            return true;
        }
        String length = h.get(HttpHeaderNames.CONTENT_LENGTH);
        return length != null && !"0".equals(length.trim());
    }

    private void expire(ChannelHandlerContext ctx) {
        timer = null;
        if (!ctx.channel().isActive()) {
            return;
        }
        events.count(ClientEvents.Kind.BODY_TIMEOUT);
        ctx.channel().attr(EXPIRED).set(Boolean.TRUE);
        RequestContextHandler requests = ctx.pipeline().get(RequestContextHandler.class);
        RequestContext rc = ctx.channel().attr(RequestContextHandler.CURRENT).get();
        if (requests == null || rc == null || !requests.awaitingAnswer()) {
            ctx.close();
            return;
        }
        ApiException e = new ApiException(408, "request_timeout", "the request body did not arrive within "
                + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) / 1000.0 + " s", Map.of(), Map.of("Connection", "close"));
        ctx.channel().writeAndFlush(Responder.toNetty(ApiResponse.error(e, rc.requestId())))
                .addListener(ChannelFutureListener.CLOSE);
    }

    /** The body has arrived, or the connection ended. */
    void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
