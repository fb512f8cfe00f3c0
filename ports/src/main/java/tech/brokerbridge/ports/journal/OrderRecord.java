package tech.brokerbridge.ports.journal;

import java.time.Instant;
import java.util.List;
import tech.brokerbridge.ports.Require;
import tech.brokerbridge.ports.WireName;
import tech.brokerbridge.ports.market.Direction;

/**
 * The desk's record of one bracket, keyed by {@code orderRef} (the proposal id). It is written with
 * state {@code SUBMITTING} before the broker is called, so that a crash between the two is seen at
 * the next start and never leads to a second submission.
 */
public record OrderRecord(String orderRef, String symbol, Direction direction, long quantity, double entryPrice,
        double stopPrice, double targetPrice, State state, List<String> brokerOrderIds, String message,
        Instant createdAt, Instant updatedAt) {
    public OrderRecord {
        Require.nonNull("orderRef", orderRef, "symbol", symbol, "direction", direction, "state", state,
                "message", message, "createdAt", createdAt, "updatedAt", updatedAt);
        brokerOrderIds = List.copyOf(brokerOrderIds);
    }

    public OrderRecord with(State newState, List<String> ids, String newMessage, Instant time) {
        return new OrderRecord(orderRef, symbol, direction, quantity, entryPrice, stopPrice, targetPrice, newState,
                ids, newMessage, createdAt, time);
    }

    /**
     * Where the bracket stands. {@code UNPROTECTED}: the entry filled and no working stop covers the
     * position (a stop cancelled or rejected at the broker); it is {@code ENTRY_FILLED} again once a
     * stop is re-armed. {@code CLOSED}: the position went flat.
     */
    public enum State implements WireName {
        SUBMITTING, ACCEPTED, REJECTED, ENTRY_FILLED, UNPROTECTED, CLOSED, CANCELLED, FAILED;

        /** The entry filled and the position is still open. */
        public boolean open() {
            return this == ENTRY_FILLED || this == UNPROTECTED;
        }
    }
}
