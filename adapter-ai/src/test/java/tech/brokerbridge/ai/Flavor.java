package tech.brokerbridge.ai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tech.brokerbridge.ai.FakeProviderServer.Canned;
import tech.brokerbridge.ai.FakeProviderServer.Recorded;

/**
 * Each provider's API as its fakes need it: paths, auth, and the bodies real servers send (success,
 * cut-off, refusal, the bad-key, rate-limit and overload errors), after
 * {@code shared/protocols/ai-providers.md}.
 */
enum Flavor {
    CLAUDE("claude", "") {
        @Override
        String generatePath(String model) {
            return "/v1/messages";
        }

        @Override
        String keyCheckPath() {
            return "/v1/models";
        }

        @Override
        Optional<String> keyOf(Recorded r) {
            return r.header("x-api-key").or(() -> bearer(r));
        }

        @Override
        String success(String text, String stop) {
            return json(Map.of("id", "msg_01", "type", "message", "role", "assistant", "model", "claude-test",
                    "content", List.of(Map.of("type", "text", "text", text)), "stop_reason", stop,
                    "stop_sequence", NULL, "usage", Map.of("input_tokens", 812, "output_tokens", 64)));
        }

        @Override
        String normalStop() {
            return "end_turn";
        }

        @Override
        String truncatedStop() {
            return "max_tokens";
        }

        @Override
        String refusal() {
            return json(Map.of("id", "msg_02", "type", "message", "role", "assistant", "model", "claude-test",
                    "content", List.of(), "stop_reason", "refusal",
                    "stop_details", Map.of("type", "refusal", "category", "other", "explanation", "declined"),
                    "usage", Map.of("input_tokens", 812, "output_tokens", 0)));
        }

        @Override
        Canned badKey() {
            return error(401, Map.of("type", "error", "error",
                    Map.of("type", "authentication_error", "message", "invalid x-api-key"), "request_id", "req_011"))
                    .withHeader("request-id", "req_011");
        }

        @Override
        Canned rateLimited(String retryAfter) {
            return error(429, Map.of("type", "error", "error",
                    Map.of("type", "rate_limit_error", "message", "Number of request tokens has exceeded your rate limit"),
                    "request_id", "req_012"))
                    .withHeader("retry-after", retryAfter)
                    .withHeader("anthropic-ratelimit-requests-remaining", "0");
        }

        @Override
        Canned overloaded() {
            return error(529, Map.of("type", "error", "error",
                    Map.of("type", "overloaded_error", "message", "Overloaded"), "request_id", "req_013"));
        }

        @Override
        Optional<Canned> precondition(Recorded r) {
            if (r.header("anthropic-version").isEmpty()) {
                return Optional.of(error(400, Map.of("type", "error", "error", Map.of("type", "invalid_request_error",
                        "message", "anthropic-version: header is required"))));
            }
            return Optional.empty();
        }

        @Override
        String modelList() {
            return json(Map.of("data", List.of(Map.of("type", "model", "id", "claude-sonnet-4-6",
                    "display_name", "Claude Sonnet 4.6", "created_at", "2026-02-17T00:00:00Z")),
                    "has_more", false, "first_id", "claude-sonnet-4-6", "last_id", "claude-sonnet-4-6"));
        }
    },

    OPENAI("openai", "/v1") {
        @Override
        String generatePath(String model) {
            return "/v1/chat/completions";
        }

        @Override
        String keyCheckPath() {
            return "/v1/models";
        }

        @Override
        Canned badKey() {
            return error(401, Map.of("error", Map.of("message",
                    "Incorrect API key provided: sk-wrong. You can find your API key at https://platform.openai.com/account/api-keys.",
                    "type", "invalid_request_error", "param", NULL, "code", "invalid_api_key")))
                    .withHeader("x-request-id", "req_abc");
        }

        @Override
        Canned rateLimited(String retryAfter) {
            return error(429, Map.of("error", Map.of("message", "Rate limit reached for requests",
                    "type", "requests", "param", NULL, "code", "rate_limit_exceeded")))
                    .withHeader("retry-after", retryAfter)
                    .withHeader("x-ratelimit-remaining-requests", "0");
        }

        @Override
        Canned overloaded() {
            return error(503, Map.of("error", Map.of("message", "The engine is currently overloaded, please try again later",
                    "type", "server_error", "param", NULL, "code", NULL)));
        }

        @Override
        String modelList() {
            return json(Map.of("object", "list", "data", List.of(Map.of("id", "gpt-5.4-mini", "object", "model",
                    "created", 1_773_705_600L, "owned_by", "openai"))));
        }
    },

    OPENROUTER("openrouter", "/api/v1") {
        @Override
        String generatePath(String model) {
            return "/api/v1/chat/completions";
        }

        @Override
        String keyCheckPath() {
            return "/api/v1/key";
        }

        @Override
        Canned badKey() {
            return error(401, Map.of("error", Map.of("code", 401, "message", "User not found.")));
        }

        @Override
        Canned rateLimited(String retryAfter) {
            return error(429, Map.of("error", Map.of("code", 429, "message", "Rate limit exceeded: free-models-per-min",
                    "metadata", Map.of("headers", Map.of("X-RateLimit-Remaining", "0")))))
                    .withHeader("Retry-After", retryAfter);
        }

        @Override
        Canned overloaded() {
            return error(502, Map.of("error", Map.of("code", 502, "message", "Upstream provider returned an error",
                    "metadata", Map.of("provider_name", "OpenAI"))));
        }

        @Override
        String success(String text, String finish) {
            return json(Map.of("id", "gen-01", "object", "chat.completion", "created", 1_780_000_000L,
                    "model", "openai/gpt-5.4-mini", "provider", "OpenAI",
                    "choices", List.of(Map.of("index", 0, "logprobs", NULL, "finish_reason", finish,
                            "native_finish_reason", finish,
                            "message", Map.of("role", "assistant", "content", text, "refusal", NULL))),
                    "usage", Map.of("prompt_tokens", 830, "completion_tokens", 70, "total_tokens", 900, "cost", 0.0004)));
        }

        @Override
        String modelList() {
            return json(Map.of("data", Map.of("label", "sk-or-v1-abc...xyz", "limit", NULL, "usage", 0.25)));
        }
    },

    GOOGLE("google", "") {
        @Override
        String generatePath(String model) {
            return "/v1beta/models/" + model + ":generateContent";
        }

        @Override
        String keyCheckPath() {
            return "/v1beta/models";
        }

        @Override
        boolean isGenerate(String path) {
            return path.startsWith("/v1beta/models/") && path.endsWith(":generateContent");
        }

        @Override
        Optional<String> keyOf(Recorded r) {
            return r.header("x-goog-api-key").or(() -> r.query().filter(q -> q.startsWith("key="))
                    .map(q -> q.substring(4)));
        }

        @Override
        String success(String text, String finish) {
            return json(Map.of("candidates", List.of(Map.of("content", Map.of("role", "model",
                            "parts", List.of(Map.of("text", text))), "finishReason", finish, "index", 0)),
                    "usageMetadata", Map.of("promptTokenCount", 840, "candidatesTokenCount", 60,
                            "thoughtsTokenCount", 100, "totalTokenCount", 1000),
                    "modelVersion", "gemini-3.5-flash", "responseId", "resp-01"));
        }

        @Override
        String normalStop() {
            return "STOP";
        }

        @Override
        String truncatedStop() {
            return "MAX_TOKENS";
        }

        @Override
        String refusal() {
            return json(Map.of("promptFeedback", Map.of("blockReason", "SAFETY"),
                    "usageMetadata", Map.of("promptTokenCount", 840, "totalTokenCount", 840)));
        }

        @Override
        Canned badKey() {
            return error(400, Map.of("error", Map.of("code", 400, "message", "API key not valid. Please pass a valid API key.",
                    "status", "INVALID_ARGUMENT", "details", List.of(Map.of(
                            "@type", "type.googleapis.com/google.rpc.ErrorInfo", "reason", "API_KEY_INVALID",
                            "domain", "googleapis.com",
                            "metadata", Map.of("service", "generativelanguage.googleapis.com"))))));
        }

        @Override
        Canned rateLimited(String retryAfter) {
            // Gemini sends no Retry-After header; the delay is in the body's RetryInfo
            return error(429, Map.of("error", Map.of("code", 429, "message", "You exceeded your current quota.",
                    "status", "RESOURCE_EXHAUSTED", "details", List.of(
                            Map.of("@type", "type.googleapis.com/google.rpc.QuotaFailure", "violations", List.of()),
                            Map.of("@type", "type.googleapis.com/google.rpc.Help", "links", List.of()),
                            Map.of("@type", "type.googleapis.com/google.rpc.RetryInfo", "retryDelay", retryAfter + "s")))));
        }

        @Override
        Canned overloaded() {
            return error(503, Map.of("error", Map.of("code", 503, "message", "The model is overloaded. Please try again later.",
                    "status", "UNAVAILABLE")));
        }

        @Override
        String modelList() {
            return json(Map.of("models", List.of(Map.of("name", "models/gemini-3.5-flash"))));
        }
    };

    static final Object NULL = new Object();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final String provider;
    private final String basePath;

    Flavor(String provider, String basePath) {
        this.provider = provider;
        this.basePath = basePath;
    }

    String provider() {
        return provider;
    }

    String basePath() {
        return basePath;
    }

    abstract String generatePath(String model);

    abstract String keyCheckPath();

    abstract Canned badKey();

    /** A 429 asking to wait that many seconds, the way this provider says it. */
    abstract Canned rateLimited(String retryAfter);

    abstract Canned overloaded();

    abstract String modelList();

    boolean isGenerate(String path) {
        return path.equals(generatePath(""));
    }

    /** The key the request carries in this provider's auth header. */
    Optional<String> keyOf(Recorded r) {
        return bearer(r);
    }

    String authHeader() {
        return switch (this) {
            case CLAUDE -> "x-api-key";
            case GOOGLE -> "x-goog-api-key";
            default -> "authorization";
        };
    }

    /** A success body (Chat Completions shape unless overridden) whose answer text is {@code text}. */
    String success(String text, String finish) {
        return json(Map.of("id", "chatcmpl-01", "object", "chat.completion", "created", 1_780_000_000L,
                "model", "gpt-5.4-mini",
                "choices", List.of(Map.of("index", 0, "logprobs", NULL, "finish_reason", finish,
                        "message", Map.of("role", "assistant", "content", text, "refusal", NULL))),
                "usage", Map.of("prompt_tokens", 830, "completion_tokens", 70, "total_tokens", 900)));
    }

    String normalStop() {
        return "stop";
    }

    String truncatedStop() {
        return "length";
    }

    /** A refusal: no usable content (Chat Completions shape unless overridden). */
    String refusal() {
        return json(Map.of("id", "chatcmpl-02", "object", "chat.completion", "created", 1_780_000_000L,
                "model", "gpt-5.4-mini",
                "choices", List.of(Map.of("index", 0, "logprobs", NULL, "finish_reason", "stop",
                        "message", Map.of("role", "assistant", "content", NULL,
                                "refusal", "I'm sorry, I can't help with that."))),
                "usage", Map.of("prompt_tokens", 830, "completion_tokens", 9, "total_tokens", 839)));
    }

    Canned ok(String answerText) {
        return Canned.of(200, success(answerText, normalStop()));
    }

    Canned truncated(String partialText) {
        return Canned.of(200, success(partialText, truncatedStop()));
    }

    Canned refused() {
        return Canned.of(200, refusal());
    }

    Optional<Canned> precondition(Recorded r) {
        return Optional.empty();
    }

    /** What the real API would answer when nothing is scripted. */
    Canned respond(Recorded r, String validKey) {
        Optional<Canned> pre = precondition(r);
        if (pre.isPresent()) {
            return pre.get();
        }
        if (!keyOf(r).filter(validKey::equals).isPresent()) {
            return badKey();
        }
        if (r.method().equals("GET") && r.path().equals(keyCheckPath())) {
            return Canned.of(200, modelList());
        }
        if (r.method().equals("POST") && isGenerate(r.path())) {
            return ok(VALID_ANSWER);
        }
        return error(404, Map.of("error", Map.of("message", "no route " + r.path())));
    }

    static final String VALID_ANSWER = "{\"decision\":\"approve\",\"conviction\":0.72,"
            + "\"thesis_summary\":\"Breakout above the 20-day high on rising volume.\","
            + "\"entry_price\":null,\"stop_price\":null,\"target_price\":null}";

    static Optional<String> bearer(Recorded r) {
        return r.header("authorization").filter(v -> v.startsWith("Bearer ")).map(v -> v.substring(7));
    }

    static Canned error(int status, Map<String, ?> body) {
        return Canned.of(status, json(body));
    }

    static String json(Map<String, ?> body) {
        try {
            return MAPPER.writeValueAsString(replaceNulls(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Map.of refuses null values; {@link #NULL} stands for JSON null. */
    private static Object replaceNulls(Object o) {
        if (o == NULL) {
            return null;
        }
        if (o instanceof Map<?, ?> m) {
            Map<Object, Object> out = new java.util.LinkedHashMap<>();
            m.forEach((k, v) -> out.put(k, replaceNulls(v)));
            return out;
        }
        if (o instanceof List<?> l) {
            return l.stream().map(Flavor::replaceNulls).collect(java.util.stream.Collectors.toList());
        }
        return o;
    }
}
