package tech.brokerbridge.http.internal.pipeline;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.TimeUnit;
import tech.brokerbridge.http.internal.limit.SlidingLogRateLimiter;
import tech.brokerbridge.http.internal.web.ApiException;
import tech.brokerbridge.http.internal.web.RequestContext;

/**
 * Applies the per-client rate limit; a refused request gets 429 with {@code Retry-After} (whole seconds,
 * at least 1). The server listens on loopback only, so every loopback peer — all of 127.0.0.0/8 and ::1 —
 * is one client: a local process cannot multiply its budget by choosing another source address.
 */
@Sharable
public final class RateLimitHandler extends RequestGate {
    /** The one client key of every loopback peer. */
    static final String LOOPBACK = "loopback";
    private final SlidingLogRateLimiter limiter;

    public RateLimitHandler(SlidingLogRateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    ApiException check(FullHttpRequest request, RequestContext rc, ChannelHandlerContext ctx) {
        long waitNanos = limiter.acquire(clientKey(ctx.channel().remoteAddress()));
        if (waitNanos == 0) {
            return null;
        }
        return ApiException.tooManyRequests(retryAfterSeconds(waitNanos));
    }

    /** {@link #LOOPBACK} for any loopback address, else the address itself. */
    static Object clientKey(SocketAddress peer) {
        if (peer instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().isLoopbackAddress() ? LOOPBACK : inet.getAddress();
        }
        return String.valueOf(peer);
    }

    /** Whole seconds, rounded up, at least 1. */
    static long retryAfterSeconds(long waitNanos) {
        long s = TimeUnit.NANOSECONDS.toSeconds(waitNanos);
        if (TimeUnit.SECONDS.toNanos(s) < waitNanos) {
            s++;
        }
        return Math.max(1, s);
    }
}
