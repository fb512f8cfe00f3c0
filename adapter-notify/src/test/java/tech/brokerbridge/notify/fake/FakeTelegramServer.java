package tech.brokerbridge.notify.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Shaped like the Telegram Bot API: {@code POST /bot<token>/<method>} with a JSON body, answered
 * {@code {"ok":true,"result":…}} or {@code {"ok":false,"error_code","description"}} (401 for another
 * token). {@code sendMessage}, {@code answerCallbackQuery} and {@code editMessageReplyMarkup} are
 * recorded; {@code getUpdates} long-polls the updates the test queues ({@link #press}, {@link #command})
 * from the offset asked for, waiting up to the timeout asked for (at most 30 s) for one.
 */
public final class FakeTelegramServer extends RecordingServer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String token;
    private final Clock clock;
    private final List<ObjectNode> updates = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong(100);

    public FakeTelegramServer(String token, Clock clock) {
        this.token = token;
        this.clock = clock;
    }

    /** Telegram's 429 with {@code retry_after} seconds. */
    public static Canned tooManyRequests(int retryAfter) {
        return Canned.json(429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after "
                + retryAfter + "\",\"parameters\":{\"retry_after\":" + retryAfter + "}}");
    }

    /** The messages the bot sent, as {@code sendMessage} bodies. */
    public List<JsonNode> sent() {
        return bodies("sendMessage");
    }

    /** The bodies of every call of {@code method} made with the right token. */
    public List<JsonNode> bodies(String method) {
        List<JsonNode> out = new ArrayList<>();
        for (Recorded r : requests()) {
            if (r.path().equals("/bot" + token + "/" + method)) {
                out.add(FakeNtfyServer.read(r.body()));
            }
        }
        return out;
    }

    /** The bot's answers to presses: callback query id → text. */
    public Map<String, String> answers() {
        Map<String, String> out = new LinkedHashMap<>();
        bodies("answerCallbackQuery").forEach(b -> out.put(b.path("callback_query_id").asText(),
                b.path("text").asText()));
        return out;
    }

    /**
     * Queues a press of the button whose {@code callback_data} is {@code data} on {@code message} (a
     * {@code sendMessage} body), by {@code userId} in {@code chatId}; returns the callback query id.
     */
    public String press(long chatId, long userId, JsonNode message, String data) {
        String id = "cq" + ids.incrementAndGet();
        ObjectNode q = JSON.createObjectNode();
        q.put("id", id);
        q.set("from", user(userId));
        ObjectNode m = JSON.createObjectNode();
        m.put("message_id", message.path("message_id").asLong(1));
        m.set("chat", JSON.createObjectNode().put("id", chatId).put("type", "private"));
        m.put("date", clock.instant().getEpochSecond());
        m.put("text", message.path("text").asText());
        if (message.has("reply_markup")) {
            m.set("reply_markup", message.path("reply_markup"));
        }
        q.set("message", m);
        q.put("chat_instance", "ci1");
        q.put("data", data);
        queue("callback_query", q);
        return id;
    }

    /** Queues a text message (a command) from {@code userId} in {@code chatId}, sent at {@code epochSecond}. */
    public void command(long chatId, long userId, String text, long epochSecond) {
        ObjectNode m = JSON.createObjectNode();
        m.put("message_id", ids.incrementAndGet());
        m.set("from", user(userId));
        m.set("chat", JSON.createObjectNode().put("id", chatId).put("type", "private"));
        m.put("date", epochSecond);
        m.put("text", text);
        queue("message", m);
    }

    /** The {@code callback_data} of every button of a sent message, row by row. */
    public static List<String> buttons(JsonNode sentMessage) {
        List<String> out = new ArrayList<>();
        sentMessage.path("reply_markup").path("inline_keyboard")
                .forEach(row -> row.forEach(b -> out.add(b.path("callback_data").asText())));
        return out;
    }

    private ObjectNode user(long userId) {
        return JSON.createObjectNode().put("id", userId).put("is_bot", false).put("first_name", "Trader");
    }

    private synchronized void queue(String kind, ObjectNode payload) {
        ObjectNode u = JSON.createObjectNode();
        u.put("update_id", ids.incrementAndGet());
        u.set(kind, payload);
        updates.add(u);
        notifyAll();
    }

    @Override
    protected boolean scriptable(Recorded r) {
        return !r.path().endsWith("/getUpdates");
    }

    @Override
    protected Canned answer(Recorded r) throws InterruptedException {
        String prefix = "/bot" + token + "/";
        if (!r.path().startsWith(prefix)) {
            return Canned.json(401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
        }
        JsonNode body = r.body().isEmpty() ? JSON.createObjectNode() : FakeNtfyServer.read(r.body());
        return switch (r.path().substring(prefix.length())) {
            case "sendMessage" -> sendMessage(body);
            case "getUpdates" -> getUpdates(body);
            case "answerCallbackQuery", "editMessageReplyMarkup" -> ok("true");
            default -> Canned.json(404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
        };
    }

    private Canned sendMessage(JsonNode body) {
        if (!body.has("chat_id") || !body.path("text").isTextual() || body.path("text").asText().isEmpty()) {
            return Canned.json(400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: message text is"
                    + " empty\"}");
        }
        ObjectNode result = JSON.createObjectNode();
        result.put("message_id", ids.incrementAndGet());
        result.put("date", clock.instant().getEpochSecond());
        result.set("chat", JSON.createObjectNode().set("id", body.path("chat_id")));
        result.set("text", body.path("text"));
        if (body.has("reply_markup")) {
            result.set("reply_markup", body.path("reply_markup"));
        }
        return ok(result.toString());
    }

    private synchronized Canned getUpdates(JsonNode body) throws InterruptedException {
        long offset = body.path("offset").asLong(0);
        long waitMs = Math.min(30, body.path("timeout").asLong(0)) * 1000;
        long end = System.currentTimeMillis() + waitMs;
        while (true) {
            ArrayNode out = JSON.createArrayNode();
            updates.stream().filter(u -> u.path("update_id").asLong() >= offset).forEach(out::add);
            long left = end - System.currentTimeMillis();
            if (out.size() > 0 || left <= 0) {
                return ok(out.toString());
            }
            wait(left);
        }
    }

    /** The sent message whose text contains {@code text}, if any. */
    public Optional<JsonNode> sentContaining(String text) {
        return sent().stream().filter(m -> m.path("text").asText().contains(text)).reduce((a, b) -> b);
    }

    private static Canned ok(String result) {
        return Canned.json(200, "{\"ok\":true,\"result\":" + result + "}");
    }
}
