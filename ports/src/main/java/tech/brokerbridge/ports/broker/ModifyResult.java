package tech.brokerbridge.ports.broker;

import java.util.List;
import java.util.Objects;
import tech.brokerbridge.ports.Require;

/** What the broker said about a {@link TradeControl#modify} of a bracket's protective legs. */
public sealed interface ModifyResult {
    /** Taken: the bracket's legs as they are now, the modified ones at their new levels. */
    record Modified(String orderRef, List<OrderView> legs) implements ModifyResult {
        public Modified {
            Objects.requireNonNull(orderRef, "orderRef");
            legs = List.copyOf(legs);
        }
    }

    /**
     * Refused, with the broker's reason: no bracket with this ref, the leg to change is done (filled
     * or cancelled), or the broker refused the new levels. Nothing changed.
     */
    record Refused(String orderRef, String reason) implements ModifyResult {
        public Refused {
            Require.nonNull("orderRef", orderRef, "reason", reason);
        }
    }
}
