package tech.brokerbridge.http.internal.web;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A complete request as a route sees it, free of Netty types.
 *
 * @param query decoded query parameters (only the ones the route declares; the router refuses others)
 * @param pathParams values of the route's {@code {name}} segments
 * @param body the raw body bytes (empty when none)
 */
public record ApiRequest(RequestContext context, Map<String, List<String>> query, Map<String, String> pathParams,
        byte[] body) {
    public ApiRequest {
        Objects.requireNonNull(context, "context");
        query = Map.copyOf(query);
        pathParams = Map.copyOf(pathParams);
        Objects.requireNonNull(body, "body");
    }

    /**
     * The single value of a query parameter.
     *
     * @throws ApiException 400 naming the parameter when it is repeated
     */
    public Optional<String> param(String name) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw ApiException.badField(name, "query parameter '" + name + "' is repeated");
        }
        return Optional.of(values.get(0));
    }

    public String pathParam(String name) {
        String v = pathParams.get(name);
        if (v == null) {
            throw new IllegalStateException("route has no path parameter " + name);
        }
        return v;
    }
}
