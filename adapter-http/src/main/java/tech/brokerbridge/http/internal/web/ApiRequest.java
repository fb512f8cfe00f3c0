package tech.brokerbridge.http.internal.web;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A complete request as a route sees it, free of Netty types.
 *
 * @param query decoded query parameters (only the ones the route declares; the router refuses others)
 * @param pathParams values of the route's {@code {name}} segments
 * @param body the raw body bytes (empty when none)
 * @param idempotencyKey the request's {@code Idempotency-Key} header, when it has one
 */
public record ApiRequest(RequestContext context, Map<String, List<String>> query, Map<String, String> pathParams,
        byte[] body, Optional<String> idempotencyKey) {
    /** The header a client repeats with a request it retries, so that the action happens once. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    public ApiRequest {
        Objects.requireNonNull(context, "context");
        query = Map.copyOf(query);
        pathParams = Map.copyOf(pathParams);
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }

    /** A request without an idempotency key. */
    public ApiRequest(RequestContext context, Map<String, List<String>> query, Map<String, String> pathParams,
            byte[] body) {
        this(context, query, pathParams, body, Optional.empty());
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

    /** The path parameter {@code name} when it matches {@code shape}; else a 404 saying {@code notFound}. */
    public String pathParam(String name, Pattern shape, String notFound) {
        String v = pathParam(name);
        if (!shape.matcher(v).matches()) {
            throw ApiException.notFound(notFound);
        }
        return v;
    }
}
