package tech.brokerbridge.notify.internal.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tech.brokerbridge.notify.internal.channel.HttpPost;
import tech.brokerbridge.notify.internal.channel.Json;
import tech.brokerbridge.notify.internal.channel.VaultSecrets;
import tech.brokerbridge.notify.internal.delivery.Attempt;
import tech.brokerbridge.notify.internal.delivery.Delivery;

/**
 * The Telegram Bot API calls the desk makes: {@code POST <api_base>/bot<token>/<method>} with a JSON
 * body. The token (saved as {@code telegram.bot_token}) is read from the vault at each call and appears
 * only in the URL, never in a body. A refused call carries {@code parameters.retry_after} on 429.
 */
public final class TelegramApi {
    public static final String TOKEN = "telegram.bot_token";
    static final String NO_TOKEN = "no Telegram bot token saved (brokerbridge credentials set telegram)";
    private final URI apiBase;
    private final VaultSecrets secrets;
    private final HttpPost http;

    public TelegramApi(URI apiBase, VaultSecrets secrets, HttpPost http) {
        this.apiBase = URI.create(apiBase.toString().replaceAll("/+$", ""));
        this.secrets = secrets;
        this.http = http;
    }

    /** The host the calls go to. */
    public String host() {
        return apiBase.getHost();
    }

    /** The token, for masking; empty when none is saved. */
    public List<String> secrets() {
        return secrets.toMask(TOKEN);
    }

    /** Calls {@code method} once and tells what became of it; the attempt's body is the JSON sent. */
    public Attempt call(String method, Map<String, Object> body) {
        String json = Json.write(body);
        Optional<String> token = secrets.get(TOKEN);
        if (token.isEmpty()) {
            return new Attempt(json, new Delivery.Failed(NO_TOKEN));
        }
        return new Attempt(json, http.deliver(url(token.get(), method), json, Map.of("Content-Type",
                "application/json"), TelegramApi::retryAfter));
    }

    /**
     * {@code getUpdates} from {@code offset}, waiting up to {@code wait} for one: the updates' JSON.
     *
     * @throws IOException on a connection problem, a timeout, or an answer that is not {@code ok}
     * @throws IllegalStateException when no token is saved
     */
    public List<JsonNode> updates(long offset, Duration wait) throws IOException, InterruptedException {
        String token = secrets.get(TOKEN).orElseThrow(() -> new IllegalStateException(NO_TOKEN));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("offset", offset);
        body.put("timeout", wait.toSeconds());
        body.put("allowed_updates", List.of("callback_query", "message"));
        HttpPost.Answer a = http.post(url(token, "getUpdates"), Json.write(body),
                Map.of("Content-Type", "application/json"), wait.plus(http.timeout()));
        JsonNode root = Json.read(a.body()).orElseThrow(() -> new IOException("getUpdates: HTTP " + a.status()
                + ", not JSON"));
        if (a.status() != 200 || !root.path("ok").asBoolean()) {
            throw new IOException("getUpdates: HTTP " + a.status() + " " + root.path("description").asText(""));
        }
        List<JsonNode> out = new java.util.ArrayList<>();
        root.path("result").forEach(out::add);
        return out;
    }

    private URI url(String token, String method) {
        return URI.create(apiBase + "/bot" + token + "/" + method);
    }

    private static Optional<Duration> retryAfter(HttpPost.Answer a) {
        return Json.read(a.body()).map(n -> n.path("parameters").path("retry_after"))
                .filter(JsonNode::canConvertToLong).map(n -> Duration.ofSeconds(n.asLong()));
    }
}
