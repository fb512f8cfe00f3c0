package tech.brokerbridge.notify.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Shaped like an ntfy server's JSON publishing: {@code POST /} with {@code {"topic","message","title",
 * "priority","tags"}}, answered with the stored message; with an access token set, a request without
 * {@code Authorization: Bearer <token>} gets ntfy's 401/403.
 */
public final class FakeNtfyServer extends RecordingServer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Optional<String> token;

    public FakeNtfyServer(Optional<String> token) {
        this.token = token;
    }

    /** The topic URL a desk is configured with. */
    public String topicUrl(String topic) {
        return baseUrl() + "/" + topic;
    }

    /** The messages accepted, as published. */
    public List<JsonNode> published() {
        List<JsonNode> out = new ArrayList<>();
        for (Recorded r : requests()) {
            if (r.method().equals("POST") && r.path().equals("/") && authorized(r)) {
                out.add(read(r.body()));
            }
        }
        return out;
    }

    @Override
    protected Canned answer(Recorded r) {
        if (!r.method().equals("POST") || !r.path().equals("/")) {
            return Canned.json(404, "{\"code\":40401,\"http\":404,\"error\":\"page not found\"}");
        }
        if (!authorized(r)) {
            return Canned.json(r.header("authorization").isEmpty() ? 401 : 403,
                    "{\"code\":40301,\"http\":403,\"error\":\"forbidden\"}");
        }
        JsonNode m = read(r.body());
        if (!m.path("topic").isTextual() || !m.path("message").isTextual()) {
            return Canned.json(400, "{\"code\":40010,\"http\":400,\"error\":\"invalid request: topic invalid\"}");
        }
        return Canned.json(200, "{\"id\":\"m" + requests().size() + "\",\"event\":\"message\",\"topic\":"
                + m.path("topic") + ",\"message\":" + m.path("message") + "}");
    }

    private boolean authorized(Recorded r) {
        return token.isEmpty() || r.header("authorization").equals(Optional.of("Bearer " + token.get()));
    }

    static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
