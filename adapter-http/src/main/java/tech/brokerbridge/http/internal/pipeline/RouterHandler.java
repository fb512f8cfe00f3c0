package tech.brokerbridge.http.internal.pipeline;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.AsciiString;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import tech.brokerbridge.http.internal.web.ApiException;
import tech.brokerbridge.http.internal.web.ApiRequest;
import tech.brokerbridge.http.internal.web.ApiResponse;
import tech.brokerbridge.http.internal.web.JsonBody;
import tech.brokerbridge.http.internal.web.RequestContext;
import tech.brokerbridge.http.internal.web.Route;
import tech.brokerbridge.http.internal.web.Router;

/**
 * Finds the route (404, 405 with {@code Allow}), checks query parameters (unknown: 400 naming it) and
 * the body's media type and encoding (415 unless UTF-8 JSON), then runs the route: on the event loop when it cannot block, else on
 * the bounded blocking executor (full: 503).
 */
@Sharable
public final class RouterHandler extends ChannelInboundHandlerAdapter {
    /** Header names as cached ASCII: no case-insensitive hash of a String on every request. */
    private static final AsciiString IDEMPOTENCY_KEY = AsciiString.cached(ApiRequest.IDEMPOTENCY_KEY);
    private static final AsciiString LAST_EVENT_ID = AsciiString.cached("Last-Event-ID");
    private static final byte[] NO_BODY = new byte[0];
    private final RouteLookup routes;
    private final Executor blocking;
    private final EventStreams streams;

    /** Without event streams: a stream route answers 503. */
    public RouterHandler(RouteLookup routes, Executor blocking) {
        this(routes, blocking, EventStreams.closed());
    }

    public RouterHandler(RouteLookup routes, Executor blocking, EventStreams streams) {
        this.routes = routes;
        this.blocking = blocking;
        this.streams = streams;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest request)) {
            ctx.fireChannelRead(msg);
            return;
        }
        Channel channel = ctx.channel();
        RequestContext rc = channel.attr(RequestContextHandler.CURRENT).get();
        Route route;
        ApiRequest api;
        java.util.Optional<String> lastEventId;
        try {
            Router.Match match = routes.of(rc)
                    .orElseGet(() -> routes.router().match(rc.method(), rc.path())); // 404 or 405
            route = match.route();
            api = new ApiRequest(rc, query(request.uri(), route.queryParams()), match.pathParams(), body(request, route),
                    Optional.ofNullable(request.headers().get(IDEMPOTENCY_KEY)));
            lastEventId = route.eventStream() ? Optional.ofNullable(request.headers().get(LAST_EVENT_ID))
                    : Optional.empty();
        } catch (ApiException e) {
            Responder.error(channel, rc, e);
            return;
        } finally {
            request.release();
        }
        if (route.eventStream()) {
            streams.open(channel, rc, lastEventId);
            return;
        }
        if (!route.blocking()) {
            Responder.write(channel, RouteInvoker.invoke(route, api));
            return;
        }
        try {
            blocking.execute(() -> Responder.write(channel, RouteInvoker.invoke(route, api)));
        } catch (RejectedExecutionException e) {
            Responder.write(channel, ApiResponse.error(
                    ApiException.unavailable("the server is busy or stopping; retry shortly"), rc.requestId()));
        }
    }

    private static Map<String, List<String>> query(String uri, Set<String> accepted) {
        if (uri.indexOf('?') < 0) {
            return Map.of();
        }
        Map<String, List<String>> params;
        try {
            params = new QueryStringDecoder(uri).parameters();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("malformed query string");
        }
        for (String name : params.keySet()) {
            if (!accepted.contains(name)) {
                throw ApiException.badField(name, "unknown query parameter '" + (name.length() > 64
                        ? name.substring(0, 64) + "…" : name) + "'");
            }
        }
        return params;
    }

    private static byte[] body(FullHttpRequest request, Route route) {
        if (!request.content().isReadable()) {
            return NO_BODY;
        }
        byte[] body = ByteBufUtil.getBytes(request.content());
        CharSequence mime = HttpUtil.getMimeType(request);
        if (mime == null || !"application/json".contentEquals(mime.toString().trim().toLowerCase(java.util.Locale.ROOT))) {
            throw ApiException.unsupportedMediaType();
        }
        if (!Utf8Body.isUtf8(HttpUtil.getCharsetAsSequence(request), body)) {
            throw ApiException.notUtf8();
        }
        if (!route.takesBody()) {
            // only "nothing" is accepted: null or {}; anything else names its first field
            JsonBody.optionalObject(body, Set.of());
        }
        return body;
    }
}
