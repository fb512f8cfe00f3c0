package tech.brokerbridge.notify.internal.delivery;

import java.util.Objects;

/**
 * One try to send a message: the exact body that went out (or would have) and what became of it.
 *
 * @param body the bytes sent, as text; secrets are masked by the audit trail before they are kept
 */
public record Attempt(String body, Delivery delivery) {
    public Attempt {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(delivery, "delivery");
    }
}
