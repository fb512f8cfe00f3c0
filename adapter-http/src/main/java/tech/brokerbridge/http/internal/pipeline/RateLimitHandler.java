package tech.brokerbridge.http.internal.pipeline;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import tech.brokerbridge.http.internal.limit.SlidingLogRateLimiter;
import tech.brokerbridge.http.internal.web.ApiException;
import tech.brokerbridge.http.internal.web.RequestContext;

/** Applies the per-client-IP rate limit; a refused request gets 429 with {@code Retry-After} (whole seconds, at least 1). */
@Sharable
public final class RateLimitHandler extends RequestGate {
    private final SlidingLogRateLimiter limiter;

    public RateLimitHandler(SlidingLogRateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    ApiException check(FullHttpRequest request, RequestContext rc, ChannelHandlerContext ctx) {
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
