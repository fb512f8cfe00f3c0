package tech.brokerbridge.http.internal.web;

import java.util.Objects;

/**
 * The request being served on a connection: its id and decoded path. One at a time per connection
 * (pipelined requests wait), so middleware and routes can read it from the channel.
 *
 * @param path the percent-decoded path, without the query string; every middleware and the router
 *     decide on this same value
 */
public record RequestContext(String requestId, String method, String path) {
    public RequestContext {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
    }

    /** True for the JSON API ({@code /api} and below). */
    public boolean api() {
        return path.equals("/api") || path.startsWith("/api/");
    }
}
