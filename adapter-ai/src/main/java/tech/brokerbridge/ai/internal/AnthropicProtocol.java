package tech.brokerbridge.ai.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Anthropic Messages API: {@code POST /v1/messages} with {@code x-api-key} and
 * {@code anthropic-version: 2023-06-01} (the version the 2.x Java SDK sends; it still accepts
 * sampling parameters, of which we send none). {@code system} is a top-level field and the answer
 * is forced into our schema by {@code output_config.format}.
 */
final class AnthropicProtocol implements ProviderProtocol {
    static final String VERSION = "2023-06-01";

    @Override
    public String provider() {
        return "claude";
    }

    @Override
    public URI generateUri(URI base, String model) {
        return URI.create(base + "/v1/messages");
    }

    @Override
    public URI keyCheckUri(URI base) {
        return URI.create(base + "/v1/models");
    }

    @Override
    public Map<String, String> headers(String key) {
        return Map.of("x-api-key", key, "anthropic-version", VERSION, "content-type", "application/json",
                "accept", "application/json");
    }

    @Override
    public String requestBody(String model, String systemPrompt, List<Message> conversation) {
        ObjectNode root = Json.object().put("model", model).put("max_tokens", Limits.MAX_OUTPUT_TOKENS)
                .put("system", systemPrompt);
        ArrayNode messages = root.putArray("messages");
        for (Message m : conversation) {
            messages.addObject().put("role", m.role() == Message.Role.USER ? "user" : "assistant")
                    .put("content", m.text());
        }
        root.putObject("output_config").putObject("format").put("type", "json_schema")
                .set("schema", AnswerSchema.jsonSchema());
        root.put("stream", false);
        return Json.write(root);
    }

    @Override
    public Reply reply(JsonNode root) {
        if (!"message".equals(Json.text(root, "type").orElse(""))) {
            return Reply.unreadable();
        }
        JsonNode usage = root.path("usage");
        OptionalLong in = Json.sum(Json.count(usage, "input_tokens"), Json.count(usage, "cache_creation_input_tokens"),
                Json.count(usage, "cache_read_input_tokens"));
        OptionalLong out = Json.count(usage, "output_tokens");
        StringBuilder text = new StringBuilder();
        for (JsonNode block : root.path("content")) {
            if ("text".equals(Json.text(block, "type").orElse(""))) {
                text.append(Json.text(block, "text").orElse(""));
            }
        }
        String stop = Json.text(root, "stop_reason").orElse("");
        return switch (stop) {
            case "end_turn", "stop_sequence" -> Reply.answer(text.toString(), in, out);
            case "max_tokens" -> Reply.problem(text.toString(), "the answer was cut off (stop_reason max_tokens)", in, out);
            case "refusal" -> Reply.problem(text.toString(), "the model refused to answer (stop_reason refusal)", in, out);
            default -> Reply.problem(text.toString(), "unexpected stop_reason \"" + Texts.truncate(Texts.plain(stop), 40)
                    + "\"", in, out);
        };
    }

    /** {@code {"type":"error","error":{"type":"…","message":"…"}}}; 529 {@code overloaded_error} is retried. */
    @Override
    public Failure failure(int status, String body) {
        JsonNode error = Json.read(body).map(n -> n.path("error")).orElse(null);
        return Failure.byStatus(status, Limits.detail(Json.text(error, "type"), Json.text(error, "message")));
    }
}
