package tech.brokerbridge.http.internal.pipeline;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tech.brokerbridge.http.internal.web.ApiException;
import tech.brokerbridge.http.internal.web.RequestContext;
import tech.brokerbridge.http.internal.web.Router;
import tech.brokerbridge.ports.Secret;

/**
 * Guards the routes marked {@link tech.brokerbridge.http.internal.web.Route.Attribute#ADMIN_ONLY admin only}:
 * {@code Authorization: Bearer <token>}, compared in constant time (both sides hashed first, so not
 * even the length leaks). No token configured: every admin route is 403, never open. The token is
 * never logged nor echoed.
 */
public final class AdminAuthGate extends RequestGate {
    private static final String BEARER = "bearer ";
    private final byte[] expectedDigest;
    private final RouteLookup routes;

    public AdminAuthGate(Optional<Secret> token, RouteLookup routes) {
        this.expectedDigest = token.filter(t -> !t.isEmpty()).map(t -> sha256(t.reveal())).orElse(null);
        this.routes = routes;
    }

    @Override
    ApiException check(FullHttpRequest request, RequestContext rc, Channel channel) {
        if (rc == null || !adminOnly(routes.of(rc))) {
            return null;
        }
        if (expectedDigest == null) {
            return ApiException.forbidden("admin_disabled",
                    "admin API disabled: set BROKERBRIDGE_ADMIN_TOKEN to enable it");
        }
        List<String> values = request.headers().getAll(HttpHeaderNames.AUTHORIZATION);
        String given = values.size() == 1 ? bearerToken(values.get(0)) : null;
        if (given == null || !MessageDigest.isEqual(expectedDigest, sha256(given))) {
            return new ApiException(401, "unauthorized", "a valid admin bearer token is required", Map.of(),
                    Map.of("WWW-Authenticate", "Bearer"));
        }
        return null;
    }

    private static boolean adminOnly(Optional<Router.Match> match) {
        return match.isPresent() && match.get().route().adminOnly();
    }

    private static String bearerToken(String header) {
        String h = header.trim();
        if (h.length() <= BEARER.length() || !h.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return h.substring(BEARER.length()).trim();
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
