package tech.brokerbridge.http.internal.web;

/** One route's logic. Throws {@link ApiException} for HTTP errors; may block if its route says so. */
@FunctionalInterface
public interface RouteHandler {
    ApiResponse handle(ApiRequest request);
}
