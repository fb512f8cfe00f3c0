package tech.brokerbridge.ports.broker;

import tech.brokerbridge.ports.Require;

/** What the broker said at once about a single order ({@link TradeControl#close}, {@link TradeControl#protect}). */
public sealed interface PlaceResult {
    /** Taken; the order's id at the broker and its state now (a market close may already be filled). */
    record Accepted(String ref, String brokerOrderId, OrderState state) implements PlaceResult {
        public Accepted {
            Require.nonNull("ref", ref, "brokerOrderId", brokerOrderId, "state", state);
        }
    }

    /**
     * Refused, with the reason. {@code duplicate} is true when the broker already holds an order with
     * this ref: nothing new was sent.
     */
    record Rejected(String ref, String reason, boolean duplicate) implements PlaceResult {
        public Rejected {
            Require.nonNull("ref", ref, "reason", reason);
        }
    }
}
