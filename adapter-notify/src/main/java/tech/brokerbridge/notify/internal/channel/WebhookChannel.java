package tech.brokerbridge.notify.internal.channel;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tech.brokerbridge.notify.internal.delivery.Attempt;
import tech.brokerbridge.notify.internal.delivery.NamedChannel;
import tech.brokerbridge.notify.internal.delivery.Delivery;
import tech.brokerbridge.notify.internal.delivery.Message;

/**
 * A JSON POST to the user's URL ({@code {"event","time","title","text","priority","data"}}), signed
 * with the secret saved as {@code webhook.secret} ({@link WebhookSignature}); the timestamp is Unix
 * seconds. Without a secret nothing is sent: an unsigned message could not be trusted by the receiver.
 */
public final class WebhookChannel extends NamedChannel {
    static final String SECRET = "webhook.secret";
    private final URI url;
    private final VaultSecrets secrets;
    private final HttpPost http;
    private final Clock clock;

    public WebhookChannel(URI url, VaultSecrets secrets, HttpPost http, Clock clock) {
        super("webhook", url.getHost(), () -> secrets.toMask(SECRET));
        this.url = url;
        this.secrets = secrets;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public Attempt send(Message m) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", m.event());
        body.put("time", m.time().toString());
        body.put("title", m.title());
        body.put("text", m.text());
        body.put("priority", m.priority().name().toLowerCase(java.util.Locale.ROOT));
        body.put("data", m.fields());
        String json = Json.write(body);
        Optional<String> secret = secrets.get(SECRET);
        if (secret.isEmpty()) {
            return new Attempt(json, new Delivery.Failed("no webhook secret saved (brokerbridge credentials set"
                    + " webhook): messages are only sent signed"));
        }
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", "BrokerBridge");
        headers.put("X-BrokerBridge-Event", m.event());
        headers.put(WebhookSignature.TIMESTAMP_HEADER, timestamp);
        headers.put(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret.get(), timestamp, json));
        return new Attempt(json, http.deliver(url, json, headers, a -> Optional.empty()));
    }
}
