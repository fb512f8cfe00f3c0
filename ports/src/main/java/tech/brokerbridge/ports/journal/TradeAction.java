package tech.brokerbridge.ports.journal;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import tech.brokerbridge.ports.Require;
import tech.brokerbridge.ports.WireName;
import tech.brokerbridge.ports.broker.TrailingStop;

/**
 * One action the user (or the kill switch's flatten) took on an open trade, as the desk records it:
 * written with state {@code REQUESTED} before the broker is called, so a crash in between is seen at
 * the next start and the action is never sent twice; then moved on by the broker's answer and events.
 *
 * @param actionId {@code act-} followed by 12 lowercase hex digits
 * @param idempotencyKey the client's key for this request, if it sent one: a request repeated with the
 *     same key gets this action back and sends nothing
 * @param orderRef the ref of the desk's bracket it acts on; empty for a position the desk did not open
 * @param placedRef the ref of the order the action placed: a closing order ({@code cls-…}) or a
 *     re-armed stop ({@code stp-…})
 * @param brokerOrderId the broker's id of the placed order, once known
 * @param message where it stands, for the user
 */
public record TradeAction(String actionId, Kind kind, Optional<String> idempotencyKey, String symbol,
        Optional<String> orderRef, Optional<String> placedRef, Request request, String reason, State state,
        Optional<String> brokerOrderId, String message, Instant createdAt, Instant updatedAt) {
    public TradeAction {
        Require.nonNull("actionId", actionId, "kind", kind, "idempotencyKey", idempotencyKey, "symbol", symbol,
                "orderRef", orderRef, "placedRef", placedRef, "request", request, "reason", reason, "state", state,
                "brokerOrderId", brokerOrderId, "message", message, "createdAt", createdAt, "updatedAt", updatedAt);
    }

    /** A copy in {@code next} state with the broker's order id (when known) and a new message. */
    public TradeAction with(State next, Optional<String> orderId, String newMessage, Instant time) {
        return new TradeAction(actionId, kind, idempotencyKey, symbol, orderRef, placedRef, request, reason, next,
                orderId.or(() -> brokerOrderId), newMessage, createdAt, time);
    }

    /** What the action asks for; each member only where the kind uses it. */
    public record Request(OptionalLong quantity, OptionalDouble limitPrice, OptionalDouble stopPrice,
            OptionalDouble targetPrice, Optional<TrailingStop> trailing) {
        public Request {
            Require.nonNull("quantity", quantity, "limitPrice", limitPrice, "stopPrice", stopPrice,
                    "targetPrice", targetPrice, "trailing", trailing);
        }

        public static Request none() {
            return new Request(OptionalLong.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                    OptionalDouble.empty(), Optional.empty());
        }
    }

    /**
     * close (a position, whole or part), flatten (a close by the kill switch's flatten), cancel (an
     * unfilled bracket), modify (its stop and/or target), rearm_stop (a new stop for a position that
     * lost its stop).
     */
    public enum Kind implements WireName {
        CLOSE, FLATTEN, CANCEL, MODIFY, REARM_STOP;

        public static Kind fromWire(String s) {
            return WireName.fromWire(Kind.class, s);
        }
    }

    /**
     * requested: recorded, the broker's answer not had yet (after a crash: the outcome is unknown until
     * reconciled, and it is never sent again); sent: the broker took it and the order it placed works;
     * done: complete (the close filled, the legs were cancelled or moved); refused: the broker said no,
     * nothing changed; failed: it did not happen (not found at the broker after a restart, or the
     * order it placed was cancelled or rejected later).
     */
    public enum State implements WireName {
        REQUESTED, SENT, DONE, REFUSED, FAILED;

        public static State fromWire(String s) {
            return WireName.fromWire(State.class, s);
        }

        /** Done, refused or failed: nothing more will happen to the action. */
        public boolean finished() {
            return this == DONE || this == REFUSED || this == FAILED;
        }
    }
}
