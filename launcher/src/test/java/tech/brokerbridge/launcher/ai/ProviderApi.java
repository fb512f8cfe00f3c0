package tech.brokerbridge.launcher.ai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Each AI provider's API as a desk-level fake needs it, after {@code shared/protocols/ai-providers.md}:
 * the base path the SDKs use, the generate path, the auth header, the success body that wraps an
 * answer text, the provider's own bad-key error, and where the user message (the DecisionRequest
 * JSON) sits in a request body.
 */
enum ProviderApi {
    CLAUDE("claude", "", "x-api-key") {
        @Override
        boolean isGenerate(String method, String path) {
            return method.equals("POST") && path.equals("/v1/messages");
        }

        @Override
        boolean isKeyCheck(String method, String path) {
            return method.equals("GET") && path.equals("/v1/models");
        }

        @Override
        String keyCheckAnswer() {
            return "{\"data\":[{\"type\":\"model\",\"id\":\"claude-sonnet-4-6\",\"display_name\":"
                    + "\"Claude Sonnet 4.6\",\"created_at\":\"2026-02-17T00:00:00Z\"}],\"has_more\":false,"
                    + "\"first_id\":\"claude-sonnet-4-6\",\"last_id\":\"claude-sonnet-4-6\"}";
        }

        @Override
        String success(String answerText) {
            ObjectNode root = JSON.createObjectNode().put("id", "msg_01XFDUDYJgAACzvnptvVoYEL").put("type", "message")
                    .put("role", "assistant").put("model", "claude-sonnet-4-6");
            root.putArray("content").addObject().put("type", "text").put("text", answerText);
            root.put("stop_reason", "end_turn").putNull("stop_sequence");
            root.putObject("usage").put("input_tokens", 2095).put("output_tokens", 83);
            return write(root);
        }

        @Override
        Canned unauthorized() {
            return Canned.json(401, "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\","
                    + "\"message\":\"invalid x-api-key\"},\"request_id\":\"req_011CSHoEeqs5C35K2UUqR7Fy\"}")
                    .withHeader("request-id", "req_011CSHoEeqs5C35K2UUqR7Fy");
        }

        @Override
        Optional<Canned> precondition(Map<String, List<String>> headers) {
            if (!headers.containsKey("anthropic-version")) {
                return Optional.of(Canned.json(400, "{\"type\":\"error\",\"error\":{\"type\":"
                        + "\"invalid_request_error\",\"message\":\"anthropic-version: header is required\"}}"));
            }
            return Optional.empty();
        }
    },

    OPENAI("openai", "/v1", "authorization") {
        @Override
        boolean isGenerate(String method, String path) {
            return method.equals("POST") && path.equals("/v1/chat/completions");
        }

        @Override
        boolean isKeyCheck(String method, String path) {
            return method.equals("GET") && path.equals("/v1/models");
        }

        @Override
        String keyCheckAnswer() {
            return "{\"object\":\"list\",\"data\":[{\"id\":\"gpt-5.4-mini\",\"object\":\"model\","
                    + "\"created\":1773705600,\"owned_by\":\"openai\"}]}";
        }

        @Override
        Canned unauthorized() {
            return Canned.json(401, "{\"error\":{\"message\":\"Incorrect API key provided: sk-proj-****wxyz. You can "
                    + "find your API key at https://platform.openai.com/account/api-keys.\",\"type\":"
                    + "\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}")
                    .withHeader("x-request-id", "req_5b0b2f7a0e0c4e0f9d1f2b3c4d5e6f70");
        }
    },

    OPENROUTER("openrouter", "/api/v1", "authorization") {
        @Override
        boolean isGenerate(String method, String path) {
            return method.equals("POST") && path.equals("/api/v1/chat/completions");
        }

        @Override
        boolean isKeyCheck(String method, String path) {
            return method.equals("GET") && path.equals("/api/v1/key");
        }

        @Override
        String keyCheckAnswer() {
            return "{\"data\":{\"label\":\"sk-or-v1-abc...xyz\",\"limit\":null,\"usage\":0.25}}";
        }

        @Override
        String success(String answerText) {
            ObjectNode root = chatCompletion("gen-1764259200-AbCdEfGhIjKlMnOp", "openai/gpt-5.4-mini", answerText);
            root.put("provider", "OpenAI");
            ((ObjectNode) root.path("choices").path(0)).put("native_finish_reason", "stop");
            ((ObjectNode) root.path("usage")).put("cost", 0.000412);
            return write(root);
        }

        @Override
        Canned unauthorized() {
            return Canned.json(401, "{\"error\":{\"code\":401,\"message\":\"User not found.\"}}");
        }
    },

    GOOGLE("google", "", "x-goog-api-key") {
        @Override
        boolean isGenerate(String method, String path) {
            return method.equals("POST") && path.startsWith("/v1beta/models/") && path.endsWith(":generateContent");
        }

        @Override
        boolean isKeyCheck(String method, String path) {
            return method.equals("GET") && path.equals("/v1beta/models");
        }

        @Override
        String keyCheckAnswer() {
            return "{\"models\":[{\"name\":\"models/gemini-3.5-flash\"}]}";
        }

        @Override
        String success(String answerText) {
            ObjectNode root = JSON.createObjectNode();
            ObjectNode candidate = root.putArray("candidates").addObject();
            ObjectNode content = candidate.putObject("content").put("role", "model");
            content.putArray("parts").addObject().put("text", answerText);
            candidate.put("finishReason", "STOP").put("index", 0);
            root.putObject("usageMetadata").put("promptTokenCount", 2210).put("candidatesTokenCount", 77)
                    .put("totalTokenCount", 2287);
            root.put("modelVersion", "gemini-3.5-flash").put("responseId", "mK9xaZzWJ8ixqtsP1pC7uAk");
            return write(root);
        }

        /** Google's 401 shape (bad OAuth credentials, or a proxy in front); a bad API key is {@link #badKey()}. */
        @Override
        Canned unauthorized() {
            return Canned.json(401, "{\"error\":{\"code\":401,\"message\":\"Request had invalid authentication "
                    + "credentials. Expected OAuth 2 access token, login cookie or other valid authentication "
                    + "credential.\",\"status\":\"UNAUTHENTICATED\"}}");
        }

        /** What Gemini itself answers to a wrong key: 400 INVALID_ARGUMENT with reason API_KEY_INVALID. */
        @Override
        Canned badKey() {
            return Canned.json(400, "{\"error\":{\"code\":400,\"message\":\"API key not valid. Please pass a valid "
                    + "API key.\",\"status\":\"INVALID_ARGUMENT\",\"details\":[{\"@type\":"
                    + "\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":\"API_KEY_INVALID\",\"domain\":"
                    + "\"googleapis.com\",\"metadata\":{\"service\":\"generativelanguage.googleapis.com\"}}]}}");
        }

        @Override
        JsonNode userMessages(JsonNode requestBody) {
            return requestBody.path("contents");
        }

        @Override
        String text(JsonNode message) {
            StringBuilder s = new StringBuilder();
            message.path("parts").forEach(p -> s.append(p.path("text").asText()));
            return s.toString();
        }

    };

    static final ObjectMapper JSON = new ObjectMapper();
    private final String provider;
    private final String basePath;
    private final String authHeader;

    ProviderApi(String provider, String basePath, String authHeader) {
        this.provider = provider;
        this.basePath = basePath;
        this.authHeader = authHeader;
    }

    /** The desk's name for this provider ({@code ai_provider.provider}). */
    String provider() {
        return provider;
    }

    /** What the official SDK's base URL adds after host and port. */
    String basePath() {
        return basePath;
    }

    /** The header carrying the key, lower case. */
    String authHeader() {
        return authHeader;
    }

    /** The environment variable that overrides the base URL. */
    String baseUrlEnv() {
        return "BROKERBRIDGE_" + provider.toUpperCase(Locale.ROOT) + "_BASE_URL";
    }

    /** The auth header's value for this key. */
    String authValue(String key) {
        return authHeader.equals("authorization") ? "Bearer " + key : key;
    }

    abstract boolean isGenerate(String method, String path);

    /** The cheapest authenticated call, used to test a key ({@code POST /api/credentials/test}). */
    abstract boolean isKeyCheck(String method, String path);

    /** The 200 body of the key check. */
    abstract String keyCheckAnswer();

    /** A 200 whose answer text is {@code answerText} (Chat Completions shape unless overridden). */
    String success(String answerText) {
        return write(chatCompletion("chatcmpl-CZ0VbQ3Lk1mPq9rS2tU4vW6xY8z", "gpt-5.4-mini", answerText));
    }

    /** An error the real API sends whatever the key, e.g. Anthropic's 400 without {@code anthropic-version}. */
    Optional<Canned> precondition(Map<String, List<String>> headers) {
        return Optional.empty();
    }

    /** A 401 in this provider's own error shape. */
    abstract Canned unauthorized();

    /** What the real API answers to a wrong key (the 401 unless overridden). */
    Canned badKey() {
        return unauthorized();
    }

    /** The conversation turns of a generate request (Chat Completions {@code messages} unless overridden). */
    JsonNode userMessages(JsonNode requestBody) {
        return requestBody.path("messages");
    }

    String text(JsonNode message) {
        return message.path("content").asText();
    }

    boolean isUser(JsonNode message) {
        return message.path("role").asText().equals("user");
    }

    /** The first user turn of a generate request: the DecisionRequest JSON as the desk sent it. */
    JsonNode decisionRequest(String requestBody) {
        JsonNode body = read(requestBody);
        for (JsonNode m : userMessages(body)) {
            if (isUser(m)) {
                return read(text(m));
            }
        }
        throw new AssertionError(provider + ": no user turn in " + requestBody);
    }

    /** The number of user turns: 1 for a first ask, 2 for the repair. */
    int userTurns(String requestBody) {
        int n = 0;
        for (JsonNode m : userMessages(read(requestBody))) {
            n += isUser(m) ? 1 : 0;
        }
        return n;
    }

    private static ObjectNode chatCompletion(String id, String model, String answerText) {
        ObjectNode root = JSON.createObjectNode().put("id", id).put("object", "chat.completion")
                .put("created", 1_764_259_200L).put("model", model);
        ArrayNode choices = root.putArray("choices");
        ObjectNode choice = choices.addObject().put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", answerText).putNull("refusal")
                .putArray("annotations");
        choice.putNull("logprobs").put("finish_reason", "stop");
        root.putObject("usage").put("prompt_tokens", 2131).put("completion_tokens", 79).put("total_tokens", 2210);
        return root;
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A decision answer as the model writes it. */
    static String answer(String decision, double conviction, String thesis) {
        ObjectNode a = JSON.createObjectNode().put("decision", decision).put("conviction", conviction)
                .put("thesis_summary", thesis);
        a.putNull("entry_price").putNull("stop_price").putNull("target_price");
        return write(a);
    }
}
