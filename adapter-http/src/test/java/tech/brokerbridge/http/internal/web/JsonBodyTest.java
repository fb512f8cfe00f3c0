package tech.brokerbridge.http.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonBodyTest {
    private static final Set<String> FIELDS = Set.of("quantity", "stop_price", "reason", "flag");

    private static JsonBody body(String json) {
        return JsonBody.optionalObject(json.getBytes(StandardCharsets.UTF_8), FIELDS);
    }

    private static ApiException refused(String json, String field) {
        ApiException e = assertThrows(ApiException.class, () -> {
            JsonBody b = body(json);
            b.longField("quantity");
            b.doubleField("stop_price");
            b.stringField("reason");
            b.booleanField("flag");
        });
        assertEquals(400, e.status(), json);
        assertEquals(field == null ? null : field, e.details().get("field"), json);
        return e;
    }

    @Test
    void emptyNullAndEmptyObjectAreAllAbsent() {
        for (String s : new String[] {"", "null", "{}", " null ", "{\"quantity\":null}"}) {
            assertEquals(OptionalLong.empty(), body(s).longField("quantity"), s);
        }
    }

    @Test
    void readsTypedFields() {
        JsonBody b = body("{\"quantity\":5,\"stop_price\":176.5,\"reason\":\"too risky\",\"flag\":true}");
        assertEquals(OptionalLong.of(5), b.longField("quantity"));
        assertEquals(OptionalDouble.of(176.5), b.doubleField("stop_price"));
        assertEquals(Optional.of("too risky"), b.stringField("reason"));
        assertEquals(Optional.of(true), b.booleanField("flag"));
    }

    @Test
    void unknownFieldIsNamed() {
        ApiException e = refused("{\"qty\":1}", "qty");
        assertTrue(e.getMessage().contains("qty"));
    }

    @Test
    void wrongTypesAreNamed() {
        refused("{\"quantity\":\"ten\"}", "quantity");
        refused("{\"quantity\":1.5}", "quantity");
        refused("{\"quantity\":99999999999999999999999}", "quantity");
        refused("{\"stop_price\":\"1\"}", "stop_price");
        refused("{\"reason\":42}", "reason");
        refused("{\"flag\":\"yes\"}", "flag");
    }

    @Test
    void malformedJsonAndNonObjectsAre400() {
        refused("{\"quantity\":", null);
        refused("{\"quantity\":1} trailing", null);
        refused("{\"quantity\":1,\"quantity\":2}", null);
        refused("[1,2]", null);
        refused("\"text\"", null);
    }
}
