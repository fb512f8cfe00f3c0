package tech.brokerbridge.http.internal.pipeline;

import io.netty.util.concurrent.FastThreadLocal;
import java.util.Objects;
import java.util.Optional;
import tech.brokerbridge.http.internal.web.RequestContext;
import tech.brokerbridge.http.internal.web.Router;

/**
 * The route of the request in flight, found once and shared by the gates and the router: admin auth
 * and the license gate decide on the matched route's attributes, never on its path. A request that
 * matches no route passes the gates and gets the router's 404 or 405.
 *
 * <p>The last lookup is kept per thread for the request it was made for (compared by identity: each
 * request has its own {@link RequestContext}): the gates and the router run one after the other on the
 * request's event loop, so they share it without a channel-attribute search or an allocation per gate.
 * A lookup asked for another request, or on another thread, is simply made again.
 */
public final class RouteLookup {
    private final Router router;
    private final FastThreadLocal<Found> last = new FastThreadLocal<>();

    private record Found(RequestContext request, Optional<Router.Match> match) {
    }

    public RouteLookup(Router router) {
        this.router = Objects.requireNonNull(router, "router");
    }

    Router router() {
        return router;
    }

    /** The route {@code rc} matched, if any (looked up on the first call for this request). */
    Optional<Router.Match> of(RequestContext rc) {
        Found f = last.get();
        if (f == null || f.request() != rc) {
            f = new Found(rc, router.find(rc.method(), rc.path()));
            last.set(f);
        }
        return f.match();
    }
}
