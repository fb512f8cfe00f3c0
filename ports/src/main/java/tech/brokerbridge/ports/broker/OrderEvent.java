package tech.brokerbridge.ports.broker;

import java.time.Instant;
import tech.brokerbridge.ports.Require;

/** Something that happened to an order leg after submission. */
public sealed interface OrderEvent {
    String orderRef();

    OrderLeg leg();

    Instant time();

    /** The leg is working (or held, for a child) at the broker. */
    record Working(String orderRef, OrderLeg leg, String brokerOrderId, Instant time) implements OrderEvent {
        public Working {
            Require.nonNull("orderRef", orderRef, "leg", leg, "brokerOrderId", brokerOrderId, "time", time);
        }
    }

    /** A (partial) fill. {@code filledQuantity} is this execution's quantity; {@code complete} is true once the leg is fully filled. */
    record Filled(String orderRef, OrderLeg leg, String brokerOrderId, String executionId, String symbol,
            long filledQuantity, double price, boolean complete, Instant time) implements OrderEvent {
        public Filled {
            Require.nonNull("orderRef", orderRef, "leg", leg, "brokerOrderId", brokerOrderId,
                    "executionId", executionId, "symbol", symbol, "time", time);
        }
    }

    /** The leg was cancelled (by the user, by one-cancels-other, or by the broker). */
    record Cancelled(String orderRef, OrderLeg leg, String brokerOrderId, String reason, Instant time) implements OrderEvent {
        public Cancelled {
            Require.nonNull("orderRef", orderRef, "leg", leg, "brokerOrderId", brokerOrderId, "reason", reason,
                    "time", time);
        }
    }

    /** The broker rejected the leg, with its reason. */
    record Rejected(String orderRef, OrderLeg leg, String brokerOrderId, String reason, Instant time) implements OrderEvent {
        public Rejected {
            Require.nonNull("orderRef", orderRef, "leg", leg, "brokerOrderId", brokerOrderId, "reason", reason,
                    "time", time);
        }
    }

    /**
     * A working (or held) leg now stands at a new level or quantity, after a {@link TradeControl#modify}
     * or the quantity cut of a partial {@link TradeControl#close}; its id is the same. A trailing stop
     * that follows the price does not send this for each move.
     *
     * @param price the leg's limit or stop price now
     * @param quantity the leg's quantity now
     */
    record Modified(String orderRef, OrderLeg leg, String brokerOrderId, double price, long quantity, Instant time)
            implements OrderEvent {
        public Modified {
            Require.nonNull("orderRef", orderRef, "leg", leg, "brokerOrderId", brokerOrderId, "time", time);
        }
    }

    /**
     * What the broker charged for one execution (IB's commission report; the paper broker's
     * per-share commission), in the account currency. It follows the execution's {@link Filled}.
     */
    record Commission(String orderRef, OrderLeg leg, String brokerOrderId, String executionId, double amount,
            Instant time) implements OrderEvent {
        public Commission {
            Require.nonNull("orderRef", orderRef, "leg", leg, "brokerOrderId", brokerOrderId,
                    "executionId", executionId, "time", time);
        }
    }
}
