package tech.brokerbridge.ai.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The answer's schema in each provider's dialect. Only what all of them accept: types, an enum,
 * required fields and descriptions; ranges and lengths are checked by {@link AnswerParser}.
 */
final class AnswerSchema {
    static final List<String> PRICES = List.of("entry_price", "stop_price", "target_price");
    private static final String DECISION = "approve or reject";
    private static final String CONVICTION = "from 0 to 1";
    private static final String THESIS = "plain text, at most 600 characters";
    private static final String PRICE = "adjusted price, or null to keep the setup's price";
    private static final String OPTIONAL_PRICE = "adjusted price; leave it out to keep the setup's price";

    private AnswerSchema() {
    }

    /** Standard JSON Schema (Anthropic {@code output_config.format}): the prices are optional. */
    static ObjectNode jsonSchema() {
        ObjectNode schema = requiredFields(false);
        ObjectNode props = (ObjectNode) schema.get("properties");
        for (String p : PRICES) {
            props.putObject(p).put("type", "number").put("description", OPTIONAL_PRICE);
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    /** OpenAI strict mode: every property required, optional ones nullable. */
    static ObjectNode strictJsonSchema() {
        ObjectNode schema = jsonSchema();
        ObjectNode props = (ObjectNode) schema.get("properties");
        for (String p : PRICES) {
            ArrayNode types = Json.MAPPER.createArrayNode().add("number").add("null");
            ((ObjectNode) props.get(p)).put("description", PRICE).set("type", types);
        }
        ArrayNode required = schema.putArray("required");
        props.fieldNames().forEachRemaining(required::add);
        return schema;
    }

    /** Gemini {@code responseSchema}: the OpenAPI 3.0 subset with upper-case types. */
    static ObjectNode geminiSchema() {
        ObjectNode schema = requiredFields(true);
        ObjectNode props = (ObjectNode) schema.get("properties");
        for (String p : PRICES) {
            props.putObject(p).put("type", "NUMBER").put("nullable", true).put("description", PRICE);
        }
        ArrayNode order = schema.putArray("propertyOrdering");
        props.fieldNames().forEachRemaining(order::add);
        return schema;
    }

    /**
     * The object with its three required fields (decision, conviction, thesis), in JSON Schema's
     * lower-case type names or OpenAPI's upper-case ones; each dialect adds the prices after them.
     */
    private static ObjectNode requiredFields(boolean upperCaseTypes) {
        UnaryOperator<String> type = t -> upperCaseTypes ? t.toUpperCase(Locale.ROOT) : t;
        ObjectNode schema = Json.object().put("type", type.apply("object"));
        ObjectNode props = schema.putObject("properties");
        ObjectNode decision = props.putObject("decision").put("type", type.apply("string")).put("description", DECISION);
        decision.putArray("enum").add("approve").add("reject");
        props.putObject("conviction").put("type", type.apply("number")).put("description", CONVICTION);
        props.putObject("thesis_summary").put("type", type.apply("string")).put("description", THESIS);
        schema.putArray("required").add("decision").add("conviction").add("thesis_summary");
        return schema;
    }
}
