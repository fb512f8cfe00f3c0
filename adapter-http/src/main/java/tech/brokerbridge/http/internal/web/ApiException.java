package tech.brokerbridge.http.internal.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An answer that is an HTTP error. Thrown by middleware and routes, turned into
 * {@code {"error":{"code","message","request_id",...details}}} by the one responder.
 * The message is shown to the client: it never holds a stack trace, a secret or an account figure.
 */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String code;
    private final transient Map<String, Object> details;
    private final transient Map<String, String> headers;

    public ApiException(int status, String code, String message, Map<String, Object> details,
            Map<String, String> headers) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.status = status;
        this.code = Objects.requireNonNull(code, "code");
        this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public ApiException(int status, String code, String message) {
        this(status, code, message, Map.of(), Map.of());
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** Extra members of the error object, e.g. {@code field} or {@code gates}. */
    public Map<String, Object> details() {
        return details;
    }

    /** Extra response headers, e.g. {@code Retry-After}, {@code Allow}. */
    public Map<String, String> headers() {
        return headers;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, "bad_request", message);
    }

    /** 400 naming the body field or query parameter at fault. */
    public static ApiException badField(String field, String message) {
        return new ApiException(400, "bad_request", message, Map.of("field", field), Map.of());
    }

    public static ApiException invalidValue(String field, String message) {
        return new ApiException(422, "invalid_value", message, Map.of("field", field), Map.of());
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "not_found", message);
    }

    public static ApiException methodNotAllowed(List<String> allowed) {
        String allow = allowed.stream().sorted().collect(Collectors.joining(", "));
        return new ApiException(405, "method_not_allowed", "method not allowed here; allowed: " + allow,
                Map.of(), Map.of("Allow", allow));
    }

    public static ApiException payloadTooLarge(int maxBytes) {
        return new ApiException(413, "payload_too_large", "request body is larger than " + maxBytes + " bytes");
    }

    public static ApiException unsupportedMediaType() {
        return new ApiException(415, "unsupported_media_type", "a request body must be sent as application/json");
    }

    /** 415 for a JSON body in another character encoding than UTF-8. */
    public static ApiException notUtf8() {
        return new ApiException(415, "unsupported_media_type",
                "a request body must be JSON in UTF-8 (Content-Type: application/json; charset=utf-8)");
    }

    public static ApiException tooManyRequests(long retryAfterSeconds) {
        return new ApiException(429, "rate_limited",
                "too many requests from this address; retry in " + retryAfterSeconds + " s", Map.of(),
                Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }

    public static ApiException forbidden(String code, String message) {
        return new ApiException(403, code, message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, "conflict", message);
    }

    public static ApiException unavailable(String message) {
        return new ApiException(503, "unavailable", message, Map.of(), Map.of("Retry-After", "1"));
    }

    public static ApiException internal() {
        return new ApiException(500, "internal_error", "unexpected failure; see the server log with this request id");
    }
}
