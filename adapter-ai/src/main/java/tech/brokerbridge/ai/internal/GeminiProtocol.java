package tech.brokerbridge.ai.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gemini {@code generateContent}: {@code POST {base}/v1beta/models/{model}:generateContent} with the
 * key in {@code x-goog-api-key} (never {@code ?key=}, which would put it in the URL and the audit),
 * {@code systemInstruction}, and the answer forced by {@code responseMimeType} +
 * {@code responseSchema}. The endpoint never streams ({@code streamGenerateContent} would).
 */
final class GeminiProtocol implements ProviderProtocol {
    private static final Pattern MODEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern SECONDS = Pattern.compile("(\\d+(?:\\.\\d+)?)s");

    @Override
    public String provider() {
        return "google";
    }

    @Override
    public URI generateUri(URI base, String model) {
        String m = model.startsWith("models/") ? model.substring("models/".length()) : model;
        if (!MODEL.matcher(m).matches()) {
            throw new IllegalArgumentException("invalid Gemini model name: " + Texts.truncate(Texts.plain(model), 60));
        }
        return URI.create(base + "/v1beta/models/" + m + ":generateContent");
    }

    @Override
    public URI keyCheckUri(URI base) {
        return URI.create(base + "/v1beta/models");
    }

    @Override
    public Map<String, String> headers(String key) {
        return Map.of("x-goog-api-key", key, "content-type", "application/json", "accept", "application/json");
    }

    @Override
    public String requestBody(String model, String systemPrompt, List<Message> conversation) {
        ObjectNode root = Json.object();
        root.putObject("systemInstruction").putArray("parts").addObject().put("text", systemPrompt);
        ArrayNode contents = root.putArray("contents");
        for (Message m : conversation) {
            ObjectNode turn = contents.addObject().put("role", m.role() == Message.Role.USER ? "user" : "model");
            turn.putArray("parts").addObject().put("text", m.text());
        }
        root.putObject("generationConfig")
                .put("maxOutputTokens", Limits.MAX_OUTPUT_TOKENS)
                .put("responseMimeType", "application/json")
                .set("responseSchema", AnswerSchema.geminiSchema());
        return Json.write(root);
    }

    @Override
    public Reply reply(JsonNode root) {
        JsonNode usage = root.path("usageMetadata");
        OptionalLong in = Json.count(usage, "promptTokenCount");
        // thinking tokens are billed as output
        OptionalLong out = Json.sum(Json.count(usage, "candidatesTokenCount"), Json.count(usage, "thoughtsTokenCount"));
        JsonNode candidate = root.path("candidates").path(0);
        if (!candidate.isObject()) {
            Optional<String> blocked = Json.text(root.path("promptFeedback"), "blockReason");
            return blocked.map(b -> Reply.problem("", "the request was blocked (blockReason " + Texts.plain(b) + ")", in, out))
                    .orElseGet(Reply::unreadable);
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : candidate.path("content").path("parts")) {
            if (!part.path("thought").asBoolean(false)) {
                text.append(Json.text(part, "text").orElse(""));
            }
        }
        String finish = Json.text(candidate, "finishReason").orElse("STOP");
        return switch (finish) {
            case "STOP" -> Reply.answer(text.toString(), in, out);
            case "MAX_TOKENS" -> Reply.problem(text.toString(), "the answer was cut off (finishReason MAX_TOKENS)", in, out);
            default -> Reply.problem(text.toString(), "the answer was stopped (finishReason "
                    + Texts.truncate(Texts.plain(finish), 40) + ")", in, out);
        };
    }

    /**
     * {@code {"error":{"code","message","status","details":[…]}}}. A bad key is HTTP 400 with
     * {@code ErrorInfo.reason API_KEY_INVALID} (not 401); a 429 may carry
     * {@code RetryInfo.retryDelay} such as {@code "38s"}.
     */
    @Override
    public Failure failure(int status, String body) {
        JsonNode error = Json.read(body).map(n -> n.path("error")).orElse(null);
        Failure f = Failure.byStatus(status, Limits.detail(Json.text(error, "status"), Json.text(error, "message")));
        Optional<Duration> delay = Optional.empty();
        if (error != null) {
            for (JsonNode d : error.path("details")) {
                if ("API_KEY_INVALID".equals(Json.text(d, "reason").orElse(""))) {
                    return Failure.unauthorized();
                }
                Matcher m = SECONDS.matcher(Json.text(d, "retryDelay").orElse(""));
                if (m.matches()) {
                    delay = Optional.of(Duration.ofMillis(Math.round(Double.parseDouble(m.group(1)) * 1000)));
                }
            }
        }
        return f.withRetryDelay(delay);
    }
}
