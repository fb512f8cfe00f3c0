package tech.brokerbridge.http.internal.web;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A complete answer of a route, free of Netty types. */
public record ApiResponse(int status, String contentType, byte[] body, Map<String, String> headers) {
    public static final String JSON = "application/json";
    public static final String CSV = "text/csv; charset=utf-8";

    public ApiResponse {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        // most answers carry no header of their own: no copy made for them
        headers = headers.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public static ApiResponse json(int status, Object value) {
        return new ApiResponse(status, JSON, Json.write(value), Map.of());
    }

    public static ApiResponse ok(Object value) {
        return json(200, value);
    }

    public static ApiResponse csv(String text, String fileName) {
        return new ApiResponse(200, CSV, text.getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Disposition", "attachment; filename=\"" + fileName + "\""));
    }

    /** The JSON error answer for {@code e}. */
    public static ApiResponse error(ApiException e, String requestId) {
        return new ApiResponse(e.status(), JSON, Json.write(ErrorAnswer.of(e, requestId)), e.headers());
    }
}
