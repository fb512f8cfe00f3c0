package tech.brokerbridge.http.internal.pipeline;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.FullHttpRequest;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import tech.brokerbridge.http.internal.limit.SlidingLogRateLimiter;
import tech.brokerbridge.http.internal.web.ApiException;
import tech.brokerbridge.http.internal.web.RequestContext;
import tech.brokerbridge.http.internal.web.Router;

/**
 * Applies the per-client rate limit; a refused request gets 429 with {@code Retry-After} (whole seconds,
 * at least 1). The server listens on loopback only, so every loopback peer — all of 127.0.0.0/8 and ::1 —
 * is one client: a local process cannot multiply its budget by choosing another source address.
 * The page's static files (routes marked {@link tech.brokerbridge.http.internal.web.Route.Attribute#STATIC_ASSET})
 * are not counted; an event stream counts once, when it opens.
 */
public final class RateLimitGate extends RequestGate {
    /** The one client key of every loopback peer. */
    static final String LOOPBACK = "loopback";
    private final SlidingLogRateLimiter limiter;
    private final Optional<RouteLookup> routes;

    /** Counts every request, whatever its route. */
    public RateLimitGate(SlidingLogRateLimiter limiter) {
        this.limiter = limiter;
        this.routes = Optional.empty();
    }

    /** Counts every request except those of static assets. */
    public RateLimitGate(SlidingLogRateLimiter limiter, RouteLookup routes) {
        this.limiter = limiter;
        this.routes = Optional.of(routes);
    }

    @Override
    ApiException check(FullHttpRequest request, RequestContext rc, Channel channel) {
        if (rc != null && routes.isPresent()) {
            Optional<Router.Match> match = routes.get().of(rc);
            if (match.isPresent() && match.get().route().staticAsset()) {
                return null;
            }
        }
        // the key of a loopback peer is a constant: no object made per request
        long waitNanos = limiter.acquire(clientKey(channel.remoteAddress()));
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
