package tech.brokerbridge.ai.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

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
        ObjectNode schema = Json.object().put("type", "object");
        ObjectNode props = schema.putObject("properties");
        ObjectNode decision = props.putObject("decision").put("type", "string").put("description", DECISION);
        decision.putArray("enum").add("approve").add("reject");
        props.putObject("conviction").put("type", "number").put("description", CONVICTION);
        props.putObject("thesis_summary").put("type", "string").put("description", THESIS);
        for (String p : PRICES) {
            props.putObject(p).put("type", "number").put("description", OPTIONAL_PRICE);
        }
        schema.putArray("required").add("decision").add("conviction").add("thesis_summary");
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
        ObjectNode schema = Json.object().put("type", "OBJECT");
        ObjectNode props = schema.putObject("properties");
        ObjectNode decision = props.putObject("decision").put("type", "STRING").put("description", DECISION);
        decision.putArray("enum").add("approve").add("reject");
        props.putObject("conviction").put("type", "NUMBER").put("description", CONVICTION);
        props.putObject("thesis_summary").put("type", "STRING").put("description", THESIS);
        for (String p : PRICES) {
            props.putObject(p).put("type", "NUMBER").put("nullable", true).put("description", PRICE);
        }
        schema.putArray("required").add("decision").add("conviction").add("thesis_summary");
        ArrayNode order = schema.putArray("propertyOrdering");
        props.fieldNames().forEachRemaining(order::add);
        return schema;
    }
}
