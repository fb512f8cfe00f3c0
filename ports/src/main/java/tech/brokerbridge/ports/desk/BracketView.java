package tech.brokerbridge.ports.desk;

import java.util.List;
import java.util.Optional;
import tech.brokerbridge.ports.Require;
import tech.brokerbridge.ports.WireName;
import tech.brokerbridge.ports.broker.OrderView;
import tech.brokerbridge.ports.journal.OrderRecord;

/**
 * A bracket as {@code GET /api/orders} shows it: the desk's record, every leg as the broker knows it
 * now (closing orders and re-armed stops of the trade included), and the bracket's state derived
 * from them.
 *
 * @param legsUnavailable why the legs are missing (the broker could not be asked); {@code state} then
 *     comes from the record alone
 */
public record BracketView(OrderRecord record, List<OrderView> legs, State state, Optional<String> legsUnavailable) {
    public BracketView {
        Require.nonNull("record", record, "state", state, "legsUnavailable", legsUnavailable);
        legs = List.copyOf(legs);
    }

    /** The bracket as its record alone says, without the broker's legs ({@code why} says why). */
    public static BracketView ofRecord(OrderRecord record, String why) {
        return new BracketView(record, List.of(), State.of(record.state()), Optional.of(why));
    }

    /**
     * submitting, working (the entry works), open (the entry filled, stops cover the position),
     * unprotected (filled, no working stop covers it), closing (a closing order works), closed (flat),
     * cancelled, rejected, failed.
     */
    public enum State implements WireName {
        SUBMITTING, WORKING, OPEN, UNPROTECTED, CLOSING, CLOSED, CANCELLED, REJECTED, FAILED;

        /** What the desk's record alone says. */
        public static State of(OrderRecord.State s) {
            return switch (s) {
                case SUBMITTING -> SUBMITTING;
                case ACCEPTED -> WORKING;
                case ENTRY_FILLED -> OPEN;
                case UNPROTECTED -> UNPROTECTED;
                case CLOSED -> CLOSED;
                case CANCELLED -> CANCELLED;
                case REJECTED -> REJECTED;
                case FAILED -> FAILED;
            };
        }
    }
}
