package tech.brokerbridge.notify.internal.channel;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook's signature: {@code sha256=} and the lower-case hex HMAC-SHA256, keyed with the webhook
 * secret, of the timestamp header's value, a {@code .}, and the raw body (bytes as sent, UTF-8).
 */
public final class WebhookSignature {
    public static final String SIGNATURE_HEADER = "X-BrokerBridge-Signature";
    public static final String TIMESTAMP_HEADER = "X-BrokerBridge-Timestamp";

    private WebhookSignature() {
    }

    public static String sign(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) '.');
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) { // HmacSHA256 is in every JDK
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
