package tech.brokerbridge.http.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ApiResponseTest {
    @Test
    void errorBodyHasCodeMessageRequestIdAndDetails() throws Exception {
        ApiResponse r = ApiResponse.error(ApiException.invalidValue("quantity", "must be positive"), "req-1");
        JsonNode e = Json.mapper().readTree(new String(r.body(), StandardCharsets.UTF_8)).get("error");
        assertEquals(422, r.status());
        assertEquals("invalid_value", e.get("code").asText());
        assertEquals("must be positive", e.get("message").asText());
        assertEquals("req-1", e.get("request_id").asText());
        assertEquals("quantity", e.get("field").asText());
        assertEquals("application/json", r.contentType());
    }

    @Test
    void errorHeadersTravelWithTheAnswer() {
        ApiResponse r = ApiResponse.error(ApiException.tooManyRequests(7), "req-2");
        assertEquals("7", r.headers().get("Retry-After"));
    }
}
