package tech.brokerbridge.notify.internal.channel;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tech.brokerbridge.notify.internal.delivery.Attempt;
import tech.brokerbridge.notify.internal.delivery.NamedChannel;
import tech.brokerbridge.notify.internal.delivery.Message;

/**
 * ntfy: the message published as JSON to the server's root URL ({@code {"topic","title","message",
 * "priority","tags"}}), so the audit keeps the exact body, title, priority and tags included. An access
 * token saved as {@code ntfy.token} goes in {@code Authorization: Bearer}.
 */
public final class NtfyChannel extends NamedChannel {
    static final String TOKEN = "ntfy.token";
    private final URI root;
    private final String topic;
    private final VaultSecrets secrets;
    private final HttpPost http;

    /** @param topicUrl {@code https://ntfy.sh/my-topic}: the root and the topic (its last path segment) */
    public NtfyChannel(URI topicUrl, VaultSecrets secrets, HttpPost http) {
        super("ntfy", root(topicUrl).getHost(), () -> secrets.toMask(TOKEN));
        String s = trimmed(topicUrl);
        this.root = root(topicUrl);
        this.topic = s.substring(s.lastIndexOf('/') + 1);
        this.secrets = secrets;
        this.http = http;
    }

    @Override
    public Attempt send(Message m) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("topic", topic);
        body.put("title", m.title());
        body.put("message", m.text());
        body.put("priority", m.priority().ntfy());
        body.put("tags", m.tags());
        String json = Json.write(body);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        secrets.get(TOKEN).ifPresent(t -> headers.put("Authorization", "Bearer " + t));
        return new Attempt(json, http.deliver(root, json, headers, a -> Optional.empty()));
    }

    private static String trimmed(URI topicUrl) {
        return topicUrl.toString().replaceAll("/+$", "");
    }

    private static URI root(URI topicUrl) {
        String s = trimmed(topicUrl);
        return URI.create(s.substring(0, s.lastIndexOf('/') + 1));
    }
}
