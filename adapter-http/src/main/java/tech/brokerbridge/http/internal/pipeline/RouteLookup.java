package tech.brokerbridge.http.internal.pipeline;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.util.Objects;
import java.util.Optional;
import tech.brokerbridge.http.internal.web.RequestContext;
import tech.brokerbridge.http.internal.web.Router;

/**
 * The route of the request in flight, found once and shared by the gates and the router: admin auth
 * and the license gate decide on the matched route's attributes, never on its path. A request that
 * matches no route passes the gates and gets the router's 404 or 405.
 *
 * <p>The lookup is kept on the channel for the request it was made for; a connection serves one
 * request at a time (see {@link RequestContextHandler}), and its handlers all run on its event loop.
 */
public final class RouteLookup {
    private static final AttributeKey<Found> FOUND = AttributeKey.valueOf("brokerbridge.route");

    private final Router router;

    private record Found(RequestContext request, Optional<Router.Match> match) {
    }

    public RouteLookup(Router router) {
        this.router = Objects.requireNonNull(router, "router");
    }

    Router router() {
        return router;
    }

    /** The route {@code rc} matched, if any (looked up on the first call for this request). */
    Optional<Router.Match> of(Channel channel, RequestContext rc) {
        Found f = channel.attr(FOUND).get();
        if (f == null || f.request() != rc) {
            f = new Found(rc, router.find(rc.method(), rc.path()));
            channel.attr(FOUND).set(f);
        }
        return f.match();
    }
}
