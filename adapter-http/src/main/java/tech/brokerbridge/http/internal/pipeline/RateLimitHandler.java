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
 * The page's static files (routes marked {@link tech.brokerbridge.http.internal.web.Route.Attribute#STATIC_ASSET})
 * are not counted; an event stream counts once, when it opens.
 */
@Sharable
public final class RateLimitHandler extends RequestGate {
    /** The one client key of every loopback peer. */
    static final String LOOPBACK = "loopback";
    private final SlidingLogRateLimiter limiter;
    private final java.util.Optional<RouteLookup> routes;

    /** Counts every request, whatever its route. */
    public RateLimitHandler(SlidingLogRateLimiter limiter) {
        this.limiter = limiter;
        this.routes = java.util.Optional.empty();
    }

    /** Counts every request except those of static assets. */
    public RateLimitHandler(SlidingLogRateLimiter limiter, RouteLookup routes) {
        this.limiter = limiter;
        this.routes = java.util.Optional.of(routes);
    }

    @Override
    ApiException check(FullHttpRequest request, RequestContext rc, ChannelHandlerContext ctx) {
        if (rc != null && routes.flatMap(r -> r.of(ctx.channel(), rc)).map(m -> m.route().staticAsset()).orElse(false)) {
            return null;
        }
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
