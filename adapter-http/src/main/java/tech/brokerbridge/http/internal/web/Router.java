package tech.brokerbridge.http.internal.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
     * @throws ApiException 404 when no route has this path, 405 (with {@code Allow}) when routes have
     *     it but not with this method
     */
    public Match match(String method, String path) {
        if (!path.startsWith("/")) {
            throw ApiException.notFound("no such route");
        }
        List<Route> exact = literal.get(path);
        if (exact != null) {
            for (Route r : exact) {
                if (r.method().equals(method)) {
                    return new Match(r, Map.of());
                }
            }
        }
        String[] parts = path.substring(1).split("/", -1);
        List<String> allowed = new ArrayList<>(2);
        for (Route r : routes) {
            Map<String, String> params = matchSegments(r.segments(), parts);
            if (params == null) {
                continue;
            }
            if (r.method().equals(method)) {
                return new Match(r, params);
            }
            allowed.add(r.method());
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

        /** A route that does not block, without query parameters or body. */
        public Builder get(String path, RouteHandler h) {
            return add("GET", path, Set.of(), false, false, h);
        }

        public Builder add(String method, String path, Set<String> queryParams, boolean acceptsBody,
                boolean blocking, RouteHandler h) {
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("path must start with /: " + path);
            }
            routes.add(new Route(method, List.of(path.substring(1).split("/", -1)), queryParams, acceptsBody,
                    blocking, h));
            return this;
        }

        public Router build() {
            return new Router(routes);
        }
    }
}
