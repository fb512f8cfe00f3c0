package tech.brokerbridge.launcher.setup;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import tech.brokerbridge.launcher.testing.JsonAnswers;

/**
 * One local HTTP server shaped like the four AI providers' key checks ({@code GET /v1/models} for
 * Anthropic and OpenAI, {@code GET /api/v1/key} for OpenRouter, {@code GET /v1beta/models} for Gemini)
 * and Anthropic's {@code POST /v1/messages}. One key is good; any other is refused the way each
 * provider refuses a bad key (401, Gemini 400 {@code API_KEY_INVALID}).
 */
final class FakeProviders implements AutoCloseable {
    private final HttpServer server;
    private final String goodKey;
    final List<String> calls = new CopyOnWriteArrayList<>();

    FakeProviders(String goodKey) throws IOException {
        this.goodKey = goodKey;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The base URL variables that point every provider here. */
    Map<String, String> env() {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("BROKERBRIDGE_CLAUDE_BASE_URL", base, "BROKERBRIDGE_OPENAI_BASE_URL", base + "/v1",
                "BROKERBRIDGE_OPENROUTER_BASE_URL", base + "/api/v1", "BROKERBRIDGE_GOOGLE_BASE_URL", base);
    }

    /** Base URLs on a port where nothing listens: every provider unreachable. */
    static Map<String, String> unreachableEnv() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String base = "http://127.0.0.1:" + port;
        return Map.of("BROKERBRIDGE_CLAUDE_BASE_URL", base, "BROKERBRIDGE_OPENAI_BASE_URL", base + "/v1",
                "BROKERBRIDGE_OPENROUTER_BASE_URL", base + "/api/v1", "BROKERBRIDGE_GOOGLE_BASE_URL", base);
    }

    private void handle(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        String method = x.getRequestMethod();
        x.getRequestBody().readAllBytes();
        calls.add(method + " " + path);
        boolean bearer = ("Bearer " + goodKey).equals(x.getRequestHeaders().getFirst("Authorization"));
        boolean anthropic = goodKey.equals(x.getRequestHeaders().getFirst("x-api-key"));
        boolean google = goodKey.equals(x.getRequestHeaders().getFirst("x-goog-api-key"));
        switch (method + " " + path) {
            case "GET /v1/models" -> answer(x, anthropic || bearer, "{\"object\":\"list\",\"data\":[{\"id\":\"m-1\","
                    + "\"object\":\"model\",\"type\":\"model\",\"created\":1,\"owned_by\":\"x\"}],\"has_more\":false}",
                    401, anthropic(x) ? "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\","
                            + "\"message\":\"invalid x-api-key\"}}"
                            : "{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\","
                                    + "\"param\":null,\"code\":\"invalid_api_key\"}}");
            case "GET /api/v1/key" -> answer(x, bearer, "{\"data\":{\"label\":\"k\",\"limit\":null,\"usage\":0}}", 401,
                    "{\"error\":{\"code\":401,\"message\":\"User not found.\"}}");
            case "GET /v1beta/models" -> answer(x, google, "{\"models\":[{\"name\":\"models/gemini-x\"}]}", 400,
                    "{\"error\":{\"code\":400,\"message\":\"API key not valid. Please pass a valid API key.\","
                            + "\"status\":\"INVALID_ARGUMENT\",\"details\":[{\"@type\":"
                            + "\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":\"API_KEY_INVALID\"}]}}");
            case "POST /v1/messages" -> answer(x, anthropic, "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\","
                    + "\"model\":\"m-1\",\"content\":[{\"type\":\"text\",\"text\":\"{\\\"decision\\\":\\\"reject\\\","
                    + "\\\"conviction\\\":0.3,\\\"thesis_summary\\\":\\\"not convincing\\\"}\"}],"
                    + "\"stop_reason\":\"end_turn\",\"usage\":{\"input_tokens\":10,\"output_tokens\":5}}", 401,
                    "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid x-api-key\"}}");
            default -> send(x, 404, "{\"error\":\"not found\"}");
        }
    }

    private static boolean anthropic(HttpExchange x) {
        return x.getRequestHeaders().containsKey("x-api-key");
    }

    private static void answer(HttpExchange x, boolean ok, String body, int refusal, String refusalBody)
            throws IOException {
        send(x, ok ? 200 : refusal, ok ? body : refusalBody);
    }

    private static void send(HttpExchange x, int status, String body) throws IOException {
        JsonAnswers.send(x, status, body);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
