package tech.brokerbridge.http.internal.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The route table. Matching is by exact segments, no normalisation: {@code /api/x/../y}, a doubled
 * or a trailing slash match nothing, so a path can never reach a route the middleware did not see.
 */
public final class Router {
    private final List<Route> routes;
    /** Routes without a captured segment, by exact path: most requests are found without splitting. */
    private final Map<String, List<Route>> literal = new HashMap<>();

    private Router(List<Route> routes) {
        this.routes = List.copyOf(routes);
        for (Route r : routes) {
            if (r.segments().stream().noneMatch(s -> s.startsWith("{"))) {
                literal.computeIfAbsent("/" + String.join("/", r.segments()), k -> new ArrayList<>()).add(r);
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A matched route with its captured path values. */
    public record Match(Route route, Map<String, String> pathParams) {
    }

    /**
     * The route for this method and path, if any: what the gates and the router decide on.
     */
    public Optional<Match> find(String method, String path) {
        if (!path.startsWith("/")) {
            return Optional.empty();
        }
        List<Route> exact = literal.get(path);
        if (exact != null) {
            for (Route r : exact) {
                if (r.method().equals(method)) {
                    return Optional.of(new Match(r, Map.of()));
                }
            }
        }
        String[] parts = path.substring(1).split("/", -1);
        for (Route r : routes) {
            if (r.method().equals(method)) {
                Map<String, String> params = matchSegments(r.segments(), parts);
                if (params != null) {
                    return Optional.of(new Match(r, params));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Like {@link #find}, for a request that must have a route.
     *
     * @throws ApiException 404 when no route has this path, 405 (with {@code Allow}) when routes have
     *     it but not with this method
     */
    public Match match(String method, String path) {
        Optional<Match> found = find(method, path);
        if (found.isPresent()) {
            return found.get();
        }
        List<String> allowed = new ArrayList<>(2);
        if (path.startsWith("/")) {
            String[] parts = path.substring(1).split("/", -1);
            for (Route r : routes) {
                if (matchSegments(r.segments(), parts) != null) {
                    allowed.add(r.method());
                }
            }
        }
        if (allowed.isEmpty()) {
            throw ApiException.notFound("no such route: " + (path.length() > 200 ? path.substring(0, 200) : path));
        }
        throw ApiException.methodNotAllowed(allowed);
    }

    public List<Route> routes() {
        return routes;
    }

    private static Map<String, String> matchSegments(List<String> pattern, String[] parts) {
        if (pattern.size() != parts.length) {
            return null;
        }
        Map<String, String> params = null;
        for (int i = 0; i < parts.length; i++) {
            String p = pattern.get(i);
            if (p.startsWith("{") && p.endsWith("}")) {
                if (parts[i].isEmpty()) {
                    return null;
                }
                if (params == null) {
                    params = new HashMap<>(2);
                }
                params.put(p.substring(1, p.length() - 1), parts[i]);
            } else if (!p.equals(parts[i])) {
                return null;
            }
        }
        return params == null ? Map.of() : params;
    }

    /** Builds the table. */
    public static final class Builder {
        private final List<Route> routes = new ArrayList<>();

        /**
         * Starts a route: name its attributes, then give its handler with {@link RouteSpec#to}. A route
         * without attributes serves everyone under the license gate, on the event loop, without a body.
         */
        public RouteSpec route(String method, String path) {
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("path must start with /: " + path);
            }
            return new RouteSpec(this, method, path);
        }

        public Router build() {
            return new Router(routes);
        }
    }

    /** One route being declared: {@code b.route("POST", "/api/x").blocking().takesBody().to(handler)}. */
    public static final class RouteSpec {
        private final Builder builder;
        private final String method;
        private final String path;
        private final Set<String> query = new HashSet<>();
        private final Set<Route.Attribute> attributes = EnumSet.noneOf(Route.Attribute.class);

        private RouteSpec(Builder builder, String method, String path) {
            this.builder = builder;
            this.method = method;
            this.path = path;
        }

        /** The query parameters it accepts (any other is 400). */
        public RouteSpec query(String... names) {
            query.addAll(List.of(names));
            return this;
        }

        /** See {@link Route.Attribute#ADMIN_ONLY}. */
        public RouteSpec adminOnly() {
            return with(Route.Attribute.ADMIN_ONLY);
        }

        /** See {@link Route.Attribute#LICENSE_EXEMPT}. */
        public RouteSpec licenseExempt() {
            return with(Route.Attribute.LICENSE_EXEMPT);
        }

        /** See {@link Route.Attribute#BLOCKING}. */
        public RouteSpec blocking() {
            return with(Route.Attribute.BLOCKING);
        }

        /** See {@link Route.Attribute#TAKES_BODY}. */
        public RouteSpec takesBody() {
            return with(Route.Attribute.TAKES_BODY);
        }

        /** See {@link Route.Attribute#EVENT_STREAM}. */
        public RouteSpec eventStream() {
            return with(Route.Attribute.EVENT_STREAM);
        }

        /** See {@link Route.Attribute#STATIC_ASSET}. */
        public RouteSpec staticAsset() {
            return with(Route.Attribute.STATIC_ASSET);
        }

        private RouteSpec with(Route.Attribute a) {
            attributes.add(a);
            return this;
        }

        /** Adds the route with its handler; returns the table's builder for the next one. */
        public Builder to(RouteHandler handler) {
            builder.routes.add(new Route(method, List.of(path.substring(1).split("/", -1)), query, attributes,
                    handler));
            return builder;
        }
    }
}
