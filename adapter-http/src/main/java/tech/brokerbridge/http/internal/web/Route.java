package tech.brokerbridge.http.internal.web;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One route.
 *
 * @param segments the path split on {@code /}; a segment {@code {name}} captures a value
 * @param queryParams the query parameters it accepts; any other is 400
 * @param acceptsBody whether it reads an optional JSON body; a route that does not still accepts an
 *     empty body, JSON {@code null} or {@code {}}
 * @param blocking whether it may block (then it runs off the event loop)
 */
public record Route(String method, List<String> segments, Set<String> queryParams, boolean acceptsBody,
        boolean blocking, RouteHandler handler) {
    public Route {
        Objects.requireNonNull(method, "method");
        segments = List.copyOf(segments);
        queryParams = Set.copyOf(queryParams);
        Objects.requireNonNull(handler, "handler");
    }
}
