package tech.brokerbridge.ports.broker;

import java.util.List;
import java.util.Objects;
import tech.brokerbridge.ports.Require;

/** What the broker said at once about a bracket. Outcomes (fills, rejections later on) arrive as {@link OrderEvent}s. */
public sealed interface SubmitResult {
    /** Taken by the broker; the ids of its three legs, entry first. */
    record Accepted(String orderRef, List<String> brokerOrderIds) implements SubmitResult {
        public Accepted {
            Objects.requireNonNull(orderRef, "orderRef");
            brokerOrderIds = List.copyOf(brokerOrderIds);
        }
    }

    /**
     * Refused. {@code duplicate} is true when the broker already holds a bracket with this
     * {@code orderRef}: nothing new was sent.
     */
    record Rejected(String orderRef, String reason, boolean duplicate) implements SubmitResult {
        public Rejected {
            Require.nonNull("orderRef", orderRef, "reason", reason);
        }
    }
}
