package tech.brokerbridge.ai.fake;

import static tech.brokerbridge.ai.fake.ProviderJson.NULL;
import static tech.brokerbridge.ai.fake.ProviderJson.error;
import static tech.brokerbridge.ai.fake.ProviderJson.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tech.brokerbridge.ports.fakes.LoopbackHttpServer.Recorded;

/**
 * Each AI provider's API as its fakes need it, after {@code shared/protocols/ai-providers.md}: the base
 * path the SDKs use, the generate and key-check paths, the auth header, the bodies real servers send
 * (success, cut-off, refusal, the bad-key, rate-limit and overload errors), and where the user message
 * (the DecisionRequest JSON) sits in a request body. Shared with the launcher's desk-level tests
 * through adapter-ai's test-jar.
 */
public enum ProviderApi {
    CLAUDE("claude", "x-api-key",
            new Paths("", "/v1/messages", "/v1/models")) {
        @Override
        public Optional<String> keyOf(Recorded r) {
            return r.header("x-api-key").or(() -> bearer(r));
        }

        @Override
        public String success(String text, String stop) {
            return json(Map.of("id", "msg_01", "type", "message", "role", "assistant", "model", "claude-test",
                    "content", List.of(Map.of("type", "text", "text", text)), "stop_reason", stop,
                    "stop_sequence", NULL, "usage", Map.of("input_tokens", 812, "output_tokens", 64)));
        }

        @Override
        public String normalStop() {
            return "end_turn";
        }

        @Override
        public String truncatedStop() {
            return "max_tokens";
        }

        @Override
        public String refusal() {
            return json(Map.of("id", "msg_02", "type", "message", "role", "assistant", "model", "claude-test",
                    "content", List.of(), "stop_reason", "refusal",
                    "stop_details", Map.of("type", "refusal", "category", "other", "explanation", "declined"),
                    "usage", Map.of("input_tokens", 812, "output_tokens", 0)));
        }

        @Override
        public Canned badKey() {
            return error(401, Map.of("type", "error", "error",
                    Map.of("type", "authentication_error", "message", "invalid x-api-key"), "request_id", "req_011"))
                    .withHeader("request-id", "req_011");
        }

        @Override
        public Canned rateLimited(String retryAfter) {
            return error(429, Map.of("type", "error", "error",
                    Map.of("type", "rate_limit_error", "message", "Number of request tokens has exceeded your rate limit"),
                    "request_id", "req_012"))
                    .withHeader("retry-after", retryAfter)
                    .withHeader("anthropic-ratelimit-requests-remaining", "0");
        }

        @Override
        public Canned overloaded() {
            return error(529, Map.of("type", "error", "error",
                    Map.of("type", "overloaded_error", "message", "Overloaded"), "request_id", "req_013"));
        }

        @Override
        public Optional<Canned> precondition(Recorded r) {
            if (r.header("anthropic-version").isEmpty()) {
                return Optional.of(error(400, Map.of("type", "error", "error", Map.of("type", "invalid_request_error",
                        "message", "anthropic-version: header is required"))));
            }
            return Optional.empty();
        }

        @Override
        public String modelList() {
            return json(Map.of("data", List.of(Map.of("type", "model", "id", "claude-sonnet-4-6",
                    "display_name", "Claude Sonnet 4.6", "created_at", "2026-02-17T00:00:00Z")),
                    "has_more", false, "first_id", "claude-sonnet-4-6", "last_id", "claude-sonnet-4-6"));
        }
    },

    OPENAI("openai", "authorization",
            new Paths("/v1", "/v1/chat/completions", "/v1/models")) {
        @Override
        public Canned badKey() {
            return error(401, Map.of("error", Map.of("message",
                    "Incorrect API key provided: sk-wrong. You can find your API key at https://platform.openai.com/account/api-keys.",
                    "type", "invalid_request_error", "param", NULL, "code", "invalid_api_key")))
                    .withHeader("x-request-id", "req_abc");
        }

        @Override
        public Canned rateLimited(String retryAfter) {
            return error(429, Map.of("error", Map.of("message", "Rate limit reached for requests",
                    "type", "requests", "param", NULL, "code", "rate_limit_exceeded")))
                    .withHeader("retry-after", retryAfter)
                    .withHeader("x-ratelimit-remaining-requests", "0");
        }

        @Override
        public Canned overloaded() {
            return error(503, Map.of("error", Map.of("message", "The engine is currently overloaded, please try again later",
                    "type", "server_error", "param", NULL, "code", NULL)));
        }

        @Override
        public String modelList() {
            return json(Map.of("object", "list", "data", List.of(Map.of("id", "gpt-5.4-mini", "object", "model",
                    "created", 1_773_705_600L, "owned_by", "openai"))));
        }
    },

    OPENROUTER("openrouter", "authorization",
            new Paths("/api/v1", "/api/v1/chat/completions", "/api/v1/key")) {
        @Override
        public Canned badKey() {
            return error(401, Map.of("error", Map.of("code", 401, "message", "User not found.")));
        }

        @Override
        public Canned rateLimited(String retryAfter) {
            return error(429, Map.of("error", Map.of("code", 429, "message", "Rate limit exceeded: free-models-per-min",
                    "metadata", Map.of("headers", Map.of("X-RateLimit-Remaining", "0")))))
                    .withHeader("Retry-After", retryAfter);
        }

        @Override
        public Canned overloaded() {
            return error(502, Map.of("error", Map.of("code", 502, "message", "Upstream provider returned an error",
                    "metadata", Map.of("provider_name", "OpenAI"))));
        }

        @Override
        public String success(String text, String finish) {
            return json(Map.of("id", "gen-01", "object", "chat.completion", "created", 1_780_000_000L,
                    "model", "openai/gpt-5.4-mini", "provider", "OpenAI",
                    "choices", List.of(Map.of("index", 0, "logprobs", NULL, "finish_reason", finish,
                            "native_finish_reason", finish,
                            "message", Map.of("role", "assistant", "content", text, "refusal", NULL))),
                    "usage", Map.of("prompt_tokens", 830, "completion_tokens", 70, "total_tokens", 900, "cost", 0.0004)));
        }

        @Override
        public String modelList() {
            return json(Map.of("data", Map.of("label", "sk-or-v1-abc...xyz", "limit", NULL, "usage", 0.25)));
        }
    },

    GOOGLE("google", "x-goog-api-key",
            new Paths("", "/v1beta/models/{model}:generateContent", "/v1beta/models")) {
        @Override
        boolean isGeneratePath(String path) {
            return path.startsWith("/v1beta/models/") && path.endsWith(":generateContent");
        }

        @Override
        public Optional<String> keyOf(Recorded r) {
            return r.header("x-goog-api-key").or(() -> r.query().filter(q -> q.startsWith("key="))
                    .map(q -> q.substring(4)));
        }

        @Override
        public String success(String text, String finish) {
            return json(Map.of("candidates", List.of(Map.of("content", Map.of("role", "model",
                            "parts", List.of(Map.of("text", text))), "finishReason", finish, "index", 0)),
                    "usageMetadata", Map.of("promptTokenCount", 840, "candidatesTokenCount", 60,
                            "thoughtsTokenCount", 100, "totalTokenCount", 1000),
                    "modelVersion", "gemini-3.5-flash", "responseId", "resp-01"));
        }

        @Override
        public String normalStop() {
            return "STOP";
        }

        @Override
        public String truncatedStop() {
            return "MAX_TOKENS";
        }

        @Override
        public String refusal() {
            return json(Map.of("promptFeedback", Map.of("blockReason", "SAFETY"),
                    "usageMetadata", Map.of("promptTokenCount", 840, "totalTokenCount", 840)));
        }

        @Override
        public Canned badKey() {
            return error(400, Map.of("error", Map.of("code", 400, "message", "API key not valid. Please pass a valid API key.",
                    "status", "INVALID_ARGUMENT", "details", List.of(Map.of(
                            "@type", "type.googleapis.com/google.rpc.ErrorInfo", "reason", "API_KEY_INVALID",
                            "domain", "googleapis.com",
                            "metadata", Map.of("service", "generativelanguage.googleapis.com"))))));
        }

        @Override
        public Canned rateLimited(String retryAfter) {
            // Gemini sends no Retry-After header; the delay is in the body's RetryInfo
            return error(429, Map.of("error", Map.of("code", 429, "message", "You exceeded your current quota.",
                    "status", "RESOURCE_EXHAUSTED", "details", List.of(
                            Map.of("@type", "type.googleapis.com/google.rpc.QuotaFailure", "violations", List.of()),
                            Map.of("@type", "type.googleapis.com/google.rpc.Help", "links", List.of()),
                            Map.of("@type", "type.googleapis.com/google.rpc.RetryInfo", "retryDelay", retryAfter + "s")))));
        }

        @Override
        public Canned overloaded() {
            return error(503, Map.of("error", Map.of("code", 503, "message", "The model is overloaded. Please try again later.",
                    "status", "UNAVAILABLE")));
        }

        @Override
        public String modelList() {
            return json(Map.of("models", List.of(Map.of("name", "models/gemini-3.5-flash"))));
        }

        /** Google's 401 shape (bad OAuth credentials, or a proxy in front); a bad API key is {@link #badKey()}. */
        @Override
        public Canned unauthorized() {
            return error(401, Map.of("error", Map.of("code", 401, "message", "Request had invalid authentication "
                    + "credentials. Expected OAuth 2 access token, login cookie or other valid authentication "
                    + "credential.", "status", "UNAUTHENTICATED")));
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

    /**
     * Where the API's calls go.
     *
     * @param base what the official SDK's base URL adds after host and port
     * @param generate the generate endpoint's path; {@code {model}} stands for the model where it has one
     * @param keyCheck the cheapest authenticated call, used to test a key
     */
    private record Paths(String base, String generate, String keyCheck) {
    }

    private final String provider;
    private final String authHeader;
    private final Paths paths;

    ProviderApi(String provider, String authHeader, Paths paths) {
        this.provider = provider;
        this.authHeader = authHeader;
        this.paths = paths;
    }

    /** The desk's name for this provider ({@code ai_provider.provider}). */
    public String provider() {
        return provider;
    }

    /** What the official SDK's base URL adds after host and port. */
    public String basePath() {
        return paths.base();
    }

    /** The header carrying the key, lower case. */
    public String authHeader() {
        return authHeader;
    }

    /** The auth header's value for this key. */
    public String authValue(String key) {
        return authHeader.equals("authorization") ? "Bearer " + key : key;
    }

    /** The environment variable that overrides the base URL. */
    public String baseUrlEnv() {
        return "BROKERBRIDGE_" + provider.toUpperCase(Locale.ROOT) + "_BASE_URL";
    }

    public String generatePath(String model) {
        return paths.generate().replace("{model}", model);
    }

    /** The cheapest authenticated call, used to test a key. */
    public String keyCheckPath() {
        return paths.keyCheck();
    }

    /** What the real API answers to a wrong key. */
    public abstract Canned badKey();

    /** A 401 in this provider's own error shape (the bad-key answer unless overridden). */
    public Canned unauthorized() {
        return badKey();
    }

    /** A 429 asking to wait that many seconds, the way this provider says it. */
    public abstract Canned rateLimited(String retryAfter);

    public abstract Canned overloaded();

    /** The 200 body of the key check. */
    public abstract String modelList();

    public boolean isGenerate(String method, String path) {
        return method.equals("POST") && isGeneratePath(path);
    }

    boolean isGeneratePath(String path) {
        return path.equals(generatePath(""));
    }

    public boolean isKeyCheck(String method, String path) {
        return method.equals("GET") && path.equals(keyCheckPath());
    }

    /** The key the request carries in this provider's auth header. */
    public Optional<String> keyOf(Recorded r) {
        return bearer(r);
    }

    /** A success body (Chat Completions shape unless overridden) whose answer text is {@code text}. */
    public String success(String text, String finish) {
        return json(Map.of("id", "chatcmpl-01", "object", "chat.completion", "created", 1_780_000_000L,
                "model", "gpt-5.4-mini",
                "choices", List.of(Map.of("index", 0, "logprobs", NULL, "finish_reason", finish,
                        "message", Map.of("role", "assistant", "content", text, "refusal", NULL))),
                "usage", Map.of("prompt_tokens", 830, "completion_tokens", 70, "total_tokens", 900)));
    }

    /** A complete success body whose answer text is {@code text}. */
    public String success(String text) {
        return success(text, normalStop());
    }

    public String normalStop() {
        return "stop";
    }

    public String truncatedStop() {
        return "length";
    }

    /** A refusal: no usable content (Chat Completions shape unless overridden). */
    public String refusal() {
        return json(Map.of("id", "chatcmpl-02", "object", "chat.completion", "created", 1_780_000_000L,
                "model", "gpt-5.4-mini",
                "choices", List.of(Map.of("index", 0, "logprobs", NULL, "finish_reason", "stop",
                        "message", Map.of("role", "assistant", "content", NULL,
                                "refusal", "I'm sorry, I can't help with that."))),
                "usage", Map.of("prompt_tokens", 830, "completion_tokens", 9, "total_tokens", 839)));
    }

    public Canned ok(String answerText) {
        return Canned.of(200, success(answerText));
    }

    public Canned truncated(String partialText) {
        return Canned.of(200, success(partialText, truncatedStop()));
    }

    public Canned refused() {
        return Canned.of(200, refusal());
    }

    /** An error the real API sends whatever the key, e.g. Anthropic's 400 without {@code anthropic-version}. */
    public Optional<Canned> precondition(Recorded r) {
        return Optional.empty();
    }

    /** The first user turn of a generate request: the DecisionRequest JSON as the desk sent it. */
    public JsonNode decisionRequest(String requestBody) {
        for (JsonNode m : userMessages(ProviderJson.read(requestBody))) {
            if (isUser(m)) {
                return ProviderJson.read(text(m));
            }
        }
        throw new AssertionError(provider + ": no user turn in " + requestBody);
    }

    /** The number of user turns: 1 for a first ask, 2 for the repair. */
    public int userTurns(String requestBody) {
        int n = 0;
        for (JsonNode m : userMessages(ProviderJson.read(requestBody))) {
            n += isUser(m) ? 1 : 0;
        }
        return n;
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

    static Optional<String> bearer(Recorded r) {
        return r.header("authorization").filter(v -> v.startsWith("Bearer ")).map(v -> v.substring(7));
    }
}
