package tech.brokerbridge.ports.journal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
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
        Objects.requireNonNull(orderRef, "orderRef");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(state, "state");
        brokerOrderIds = List.copyOf(brokerOrderIds);
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public OrderRecord with(State newState, List<String> ids, String newMessage, Instant time) {
        return new OrderRecord(orderRef, symbol, direction, quantity, entryPrice, stopPrice, targetPrice, newState,
                ids, newMessage, createdAt, time);
    }

    /** Where the bracket stands. */
    public enum State {
        SUBMITTING, ACCEPTED, REJECTED, ENTRY_FILLED, CLOSED, CANCELLED, FAILED;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
