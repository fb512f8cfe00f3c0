package tech.brokerbridge.http.internal.web;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every error answer: {@code {"error":{"code","message","request_id", ...the exception's details}}}. */
record ErrorAnswer(Body error) {

    /** {@code details} are written beside the three fixed members (which they cannot replace). */
    record Body(String code, String message, String requestId, @JsonIgnore Map<String, Object> details) {
        Body {
            details = new LinkedHashMap<>(details);
            details.keySet().removeAll(java.util.Set.of("code", "message", "request_id"));
        }

        @JsonAnyGetter
        Map<String, Object> members() {
            return details;
        }
    }

    static ErrorAnswer of(ApiException e, String requestId) {
        return new ErrorAnswer(new Body(e.code(), e.getMessage(), requestId, e.details()));
    }
}
