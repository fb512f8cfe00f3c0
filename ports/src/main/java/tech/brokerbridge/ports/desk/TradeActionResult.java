package tech.brokerbridge.ports.desk;

import java.util.List;
import java.util.Objects;
import tech.brokerbridge.ports.Require;
import tech.brokerbridge.ports.journal.GateResult;
import tech.brokerbridge.ports.journal.TradeAction;

/** The outcome of an action on an open trade. Business outcomes, not exceptions. */
public sealed interface TradeActionResult {
    /**
     * Recorded and sent: the action as it stands (its state says whether the broker took it, and the
     * order it placed). {@code replayed} is true when this is the answer to an earlier request (same
     * idempotency key, or the same target state already asked for): nothing was sent again.
     */
    record Done(TradeAction action, boolean replayed) implements TradeActionResult {
        public Done {
            Objects.requireNonNull(action, "action");
        }
    }

    /** No such position or order. */
    record NotFound(String what) implements TradeActionResult {
        public NotFound {
            Objects.requireNonNull(what, "what");
        }
    }

    /**
     * Not allowed in the trade's state (cancelling a filled bracket, modifying a closed one), or while
     * the kill switch is engaged (an action that adds risk), or refused by the broker.
     */
    record Conflict(String reason) implements TradeActionResult {
        public Conflict {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The new levels fail a check (stop on the wrong side of the last price, portfolio heat); nothing sent. */
    record GatesFailed(List<GateResult> gates) implements TradeActionResult {
        public GatesFailed {
            gates = List.copyOf(gates);
        }
    }

    /** The request itself is invalid; {@code field} names the culprit. */
    record Invalid(String field, String reason) implements TradeActionResult {
        public Invalid {
            Require.nonNull("field", field, "reason", reason);
        }
    }
}
