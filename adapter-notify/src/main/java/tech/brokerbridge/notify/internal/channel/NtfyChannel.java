package tech.brokerbridge.notify.internal.channel;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tech.brokerbridge.notify.internal.delivery.Attempt;
import tech.brokerbridge.notify.internal.delivery.Channel;
import tech.brokerbridge.notify.internal.delivery.Message;

/**
 * ntfy: the message published as JSON to the server's root URL ({@code {"topic","title","message",
 * "priority","tags"}}), so the audit keeps the exact body, title, priority and tags included. An access
 * token saved as {@code ntfy.token} goes in {@code Authorization: Bearer}.
 */
public final class NtfyChannel implements Channel {
    static final String TOKEN = "ntfy.token";
    private final URI root;
    private final String topic;
    private final VaultSecrets secrets;
    private final HttpPost http;

    /** @param topicUrl {@code https://ntfy.sh/my-topic}: the root and the topic (its last path segment) */
    public NtfyChannel(URI topicUrl, VaultSecrets secrets, HttpPost http) {
        String s = topicUrl.toString().replaceAll("/+$", "");
        int slash = s.lastIndexOf('/');
        this.root = URI.create(s.substring(0, slash + 1));
        this.topic = s.substring(slash + 1);
        this.secrets = secrets;
        this.http = http;
    }

    @Override
    public String name() {
        return "ntfy";
    }

    @Override
    public String destination() {
        return root.getHost();
    }

    @Override
    public List<String> secrets() {
        return secrets.get(TOKEN).stream().toList();
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
}
