package tech.brokerbridge.ports.desk;

import java.util.Objects;

/**
 * Engaging the kill switch. It always stops the loop and refuses every action that adds risk.
 *
 * @param cancelOpenOrders also cancel the brackets whose entry has not filled (never a protective leg
 *     of a filled position)
 * @param flatten also close every open position at market, cancelling its protective legs with the close
 */
public record KillSwitchRequest(boolean cancelOpenOrders, boolean flatten, String reason) {
    public KillSwitchRequest {
        Objects.requireNonNull(reason, "reason");
    }
}
