package tech.brokerbridge.ai.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** JSON for the fakes: bodies written from maps, answers as a model writes them, and reading. */
public final class ProviderJson {
    /** Stands for JSON null in {@link #json} (Map.of refuses null values). */
    public static final Object NULL = new Object();
    /** A well-formed decision answer. */
    public static final String VALID_ANSWER = "{\"decision\":\"approve\",\"conviction\":0.72,"
            + "\"thesis_summary\":\"Breakout above the 20-day high on rising volume.\","
            + "\"entry_price\":null,\"stop_price\":null,\"target_price\":null}";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ProviderJson() {
    }

    /** A decision answer as the model writes it. */
    public static String answer(String decision, double conviction, String thesis) {
        ObjectNode a = MAPPER.createObjectNode().put("decision", decision).put("conviction", conviction)
                .put("thesis_summary", thesis);
        a.putNull("entry_price").putNull("stop_price").putNull("target_price");
        return write(a);
    }

    public static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body as JSON, {@link #NULL} written as null. */
    public static String json(Map<String, ?> body) {
        return write(replaceNulls(body));
    }

    public static Canned error(int status, Map<String, ?> body) {
        return Canned.of(status, json(body));
    }

    private static Object replaceNulls(Object o) {
        if (o == NULL) {
            return null;
        }
        if (o instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(k, replaceNulls(v)));
            return out;
        }
        if (o instanceof List<?> l) {
            return l.stream().map(ProviderJson::replaceNulls).collect(Collectors.toList());
        }
        return o;
    }
}
