package tech.brokerbridge.http.internal.pipeline;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import tech.brokerbridge.http.internal.limit.SlidingLogRateLimiter;
import tech.brokerbridge.http.internal.web.ApiException;
import tech.brokerbridge.http.internal.web.RequestContext;

/**
 * Applies the per-client-IP rate limit; a refused request gets 429 with {@code Retry-After} (whole seconds, at
 * least 1). The page's static files (routes marked {@link tech.brokerbridge.http.internal.web.Route.Attribute#STATIC_ASSET})
 * are not counted; an event stream counts once, when it opens.
 */
@Sharable
public final class RateLimitHandler extends RequestGate {
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
        Object client = ctx.channel().remoteAddress() instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress() : ctx.channel().remoteAddress();
        long waitNanos = limiter.acquire(client);
        if (waitNanos == 0) {
            return null;
        }
        return ApiException.tooManyRequests(retryAfterSeconds(waitNanos));
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
