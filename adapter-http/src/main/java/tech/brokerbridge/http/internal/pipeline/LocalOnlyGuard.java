package tech.brokerbridge.http.internal.pipeline;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.http.internal.limit.RepeatedWarnings;
import tech.brokerbridge.http.internal.web.ApiException;
import tech.brokerbridge.http.internal.web.RequestContext;

/**
 * Serves local clients only. A peer that is not a loopback address is disconnected. A {@code Host}
 * that is not a loopback name or an allowed host gets 403 (DNS rebinding). A state-changing request
 * (POST, PUT, PATCH, DELETE) whose {@code Origin} is not this server's own, or that a browser marks
 * {@code Sec-Fetch-Site: cross-site} or {@code same-site} (another origin, e.g. another port of localhost),
 * gets 403 even without an {@code Origin}. A request the codec could not parse gets 400 and the connection
 * is closed.
 */
public final class LocalOnlyGuard extends RequestGate {
    private static final Logger LOG = LoggerFactory.getLogger(LocalOnlyGuard.class);
    private static final RepeatedWarnings WARNINGS = RepeatedWarnings.of(LOG);
    /** {@code Sec-Fetch-Site} values of a request made by a page of another origin. */
    private static final Set<String> FOREIGN_FETCH_SITES = Set.of("cross-site", "same-site");
    private static final Set<HttpMethod> STATE_CHANGING =
            Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
    private static final Map<String, String> CLOSE = Map.of("Connection", "close");

    private static final String SEC_FETCH_SITE = "Sec-Fetch-Site";

    private final HostRules rules;

    public LocalOnlyGuard(Set<String> allowedHosts) {
        this.rules = new HostRules(allowedHosts);
    }

    @Override
    boolean admits(Channel channel) {
        if (!loopback(channel.remoteAddress())) {
            WARNINGS.warn("refused a connection from a non-loopback peer");
            return false;
        }
        return true;
    }

    @Override
    ApiException check(FullHttpRequest request, RequestContext rc, Channel channel) {
        if (request.decoderResult().isFailure()) {
            return new ApiException(400, "bad_request", "malformed HTTP request", Map.of(), CLOSE);
        }
        if (!loopback(channel.remoteAddress())) {
            return new ApiException(403, "forbidden", "only local clients are served", Map.of(), CLOSE);
        }
        String host = onlyHost(request.headers());
        if (host == null) {
            return ApiException.badRequest("exactly one Host header is required");
        }
        if (!rules.hostAllowed(host)) {
            return ApiException.forbidden("forbidden_host",
                    "this Host is not allowed; use localhost or 127.0.0.1, or add the name to the allowed hosts");
        }
        if (STATE_CHANGING.contains(request.method())) {
            List<String> origins = request.headers().getAll(HttpHeaderNames.ORIGIN);
            if (origins.size() > 1 || (origins.size() == 1 && !rules.ownOrigin(origins.get(0), localPort(channel)))) {
                return ApiException.forbidden("forbidden_origin",
                        "cross-origin request refused: the Origin is not this server's own");
            }
            for (String site : request.headers().getAll(SEC_FETCH_SITE)) {
                if (FOREIGN_FETCH_SITES.contains(site.trim().toLowerCase(java.util.Locale.ROOT))) {
                    return ApiException.forbidden("forbidden_origin",
                            "cross-site request refused: the browser says another site sent it (Sec-Fetch-Site)");
                }
            }
        }
        return null;
    }

    private static boolean loopback(SocketAddress address) {
        return address instanceof InetSocketAddress inet && inet.getAddress() != null
                && inet.getAddress().isLoopbackAddress();
    }

    /** The one Host header's value; null when there is none or more than one (no list made per request). */
    private static String onlyHost(HttpHeaders headers) {
        Iterator<String> values = headers.valueStringIterator(HttpHeaderNames.HOST);
        if (!values.hasNext()) {
            return null;
        }
        String host = values.next();
        return values.hasNext() ? null : host;
    }

    private static int localPort(Channel channel) {
        return channel.localAddress() instanceof InetSocketAddress inet ? inet.getPort() : -1;
    }
}
