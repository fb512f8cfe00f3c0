package tech.brokerbridge.notify.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver that verifies what the README says a receiver must verify: the
 * {@code X-BrokerBridge-Signature} header is {@code sha256=} and the hex HMAC-SHA256, keyed with the
 * shared secret, of the {@code X-BrokerBridge-Timestamp} header, a {@code .} and the raw body, compared
 * in constant time; and the timestamp is recent. A bad or missing signature gets 401. Written from
 * the README's recipe, not from the desk's code.
 */
public final class WebhookReceiver extends RecordingServer {
    private final String secret;
    private final long maxAgeSeconds;
    private final java.time.Clock clock;

    public WebhookReceiver(String secret, java.time.Clock clock) {
        this.secret = secret;
        this.maxAgeSeconds = 300;
        this.clock = clock;
    }

    public String url() {
        return baseUrl() + "/hooks/brokerbridge";
    }

    /** The bodies that passed the signature check, parsed. */
    public List<JsonNode> verified() {
        List<JsonNode> out = new ArrayList<>();
        for (Recorded r : requests()) {
            if (verifies(r)) {
                out.add(FakeNtfyServer.read(r.body()));
            }
        }
        return out;
    }

    @Override
    protected Canned answer(Recorded r) {
        return verifies(r) ? Canned.json(204, "") : Canned.json(401, "{\"error\":\"bad signature\"}");
    }

    /** The receiver's check, as documented. */
    public boolean verifies(Recorded r) {
        String timestamp = r.header("x-brokerbridge-timestamp").orElse("");
        String signature = r.header("x-brokerbridge-signature").orElse("");
        if (!timestamp.matches("\\d{1,12}")
                || Math.abs(clock.instant().getEpochSecond() - Long.parseLong(timestamp)) > maxAgeSeconds) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = ("sha256=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + r.body())
                    .getBytes(StandardCharsets.UTF_8)))).getBytes(StandardCharsets.UTF_8);
            return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
