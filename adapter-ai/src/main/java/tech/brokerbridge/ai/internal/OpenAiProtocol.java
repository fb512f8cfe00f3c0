package tech.brokerbridge.ai.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import tech.brokerbridge.ports.advisor.AdvisorException;

/**
 * OpenAI Chat Completions ({@code openai}) and its OpenRouter dialect ({@code openrouter}):
 * {@code POST {base}/chat/completions} with {@code Authorization: Bearer}, the system prompt as the
 * first message, and strict structured output through {@code response_format} json_schema.
 *
 * <p>OpenRouter differences: {@code max_tokens} (its documented name) instead of
 * {@code max_completion_tokens}; {@code provider.require_parameters} so that routing skips upstreams
 * that would ignore {@code response_format}; failures after generation started come as a 200 with
 * {@code error} in the body; 403 is a moderation block, not a bad key; the key check is
 * {@code GET {base}/key} (its model list is public).
 */
final class OpenAiProtocol implements ProviderProtocol {
    private final boolean openRouter;

    private OpenAiProtocol(boolean openRouter) {
        this.openRouter = openRouter;
    }

    static OpenAiProtocol openAi() {
        return new OpenAiProtocol(false);
    }

    static OpenAiProtocol openRouter() {
        return new OpenAiProtocol(true);
    }

    @Override
    public String provider() {
        return openRouter ? "openrouter" : "openai";
    }

    @Override
    public URI generateUri(URI base, String model) {
        return URI.create(base + "/chat/completions");
    }

    @Override
    public URI keyCheckUri(URI base) {
        return URI.create(base + (openRouter ? "/key" : "/models"));
    }

    @Override
    public Map<String, String> headers(String key) {
        return Map.of("authorization", "Bearer " + key, "content-type", "application/json", "accept", "application/json");
    }

    @Override
    public String requestBody(String model, String systemPrompt, List<Message> conversation) {
        ObjectNode root = Json.object().put("model", model);
        ArrayNode messages = root.putArray("messages");
        messages.addObject().put("role", "system").put("content", systemPrompt);
        for (Message m : conversation) {
            messages.addObject().put("role", m.role() == Message.Role.USER ? "user" : "assistant")
                    .put("content", m.text());
        }
        root.put(openRouter ? "max_tokens" : "max_completion_tokens", Limits.MAX_OUTPUT_TOKENS);
        ObjectNode format = root.putObject("response_format").put("type", "json_schema");
        format.putObject("json_schema").put("name", "decision").put("strict", true)
                .set("schema", AnswerSchema.strictJsonSchema());
        root.put("stream", false);
        if (openRouter) {
            root.putObject("provider").put("require_parameters", true);
        }
        return Json.write(root);
    }

    @Override
    public Reply reply(JsonNode root) {
        JsonNode usage = root.path("usage");
        OptionalLong in = Json.count(usage, "prompt_tokens");
        OptionalLong out = Json.count(usage, "completion_tokens");
        if (root.hasNonNull("error")) {
            String detail = Limits.detail(Optional.empty(), Json.text(root.get("error"), "message"));
            return Reply.problem("", "the provider reported an error during generation: " + detail, in, out);
        }
        JsonNode choice = root.path("choices").path(0);
        if (!choice.isObject()) {
            return Reply.unreadable();
        }
        JsonNode message = choice.path("message");
        String text = Json.text(message, "content").orElse("");
        Optional<String> refusal = Json.text(message, "refusal");
        if (refusal.isPresent()) {
            return Reply.problem(text, "the model refused to answer: " + Limits.detail(Optional.empty(), refusal), in, out);
        }
        String finish = Json.text(choice, "finish_reason").orElse("");
        return switch (finish) {
            case "stop" -> message.hasNonNull("content") ? Reply.answer(text, in, out)
                    : Reply.problem("", "the answer has no content", in, out);
            case "length" -> Reply.problem(text, "the answer was cut off (finish_reason length)", in, out);
            case "content_filter" -> Reply.problem(text, "the answer was blocked (finish_reason content_filter)", in, out);
            default -> Reply.problem(text, "unexpected finish_reason \"" + Texts.truncate(Texts.plain(finish), 40)
                    + "\"", in, out);
        };
    }

    /**
     * OpenAI: {@code {"error":{"message","type","param","code"}}}; 429 {@code insufficient_quota} means
     * out of credit and is not retried. OpenRouter: {@code {"error":{"code":403,"message","metadata"}}};
     * its 403 is a moderation or guardrail block of our input, which a retry or a repair cannot fix.
     */
    @Override
    public Failure failure(int status, String body) {
        JsonNode error = Json.read(body).map(n -> n.path("error")).orElse(null);
        Optional<String> code = Json.text(error, "code");
        Optional<String> type = Json.text(error, "type").or(() -> code);
        Failure f = Failure.byStatus(status, Limits.detail(type, Json.text(error, "message")));
        if (status == 429 && (code.filter("insufficient_quota"::equals).isPresent()
                || type.filter("insufficient_quota"::equals).isPresent())) {
            return f.notRetryable("out of credit (HTTP 429 insufficient_quota)");
        }
        if (openRouter && status == 403) {
            return new Failure(AdvisorException.Kind.INVALID_RESPONSE, false,
                    "the request was blocked by the provider's moderation (HTTP 403 "
                            + Limits.detail(Optional.empty(), Json.text(error, "message")) + ")",
                    Optional.empty());
        }
        return f;
    }
}
