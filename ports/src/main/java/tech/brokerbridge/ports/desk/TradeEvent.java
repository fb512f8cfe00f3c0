package tech.brokerbridge.ports.desk;

import java.time.Instant;
import java.util.Objects;
import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.journal.ClosedTrade;
import tech.brokerbridge.ports.journal.OpenTrade;
import tech.brokerbridge.ports.journal.TradeAction;

/**
 * Something that happened to an open trade, as the desk tells it ({@link PositionDesk#subscribe}):
 * what a live stream or a notification channel shows the user.
 */
public sealed interface TradeEvent {
    Instant time();

    /** The entry filled: a position the desk opened. */
    record PositionOpened(OpenTrade trade, Instant time) implements TradeEvent {
        public PositionOpened {
            Objects.requireNonNull(trade, "trade");
            Objects.requireNonNull(time, "time");
        }
    }

    /** The position went flat: the closed trade as recorded (again, when a late commission changes it). */
    record PositionClosed(ClosedTrade trade, Instant time) implements TradeEvent {
        public PositionClosed {
            Objects.requireNonNull(trade, "trade");
            Objects.requireNonNull(time, "time");
        }
    }

    /**
     * A leg of a trade changed at the broker.
     *
     * @param orderRef the ref the leg carries (a bracket's, a closing order's or a stand-alone stop's)
     * @param change working, filled, partially_filled, cancelled, rejected or modified
     */
    record LegChanged(String orderRef, OrderLeg leg, String brokerOrderId, String change, String detail, Instant time)
            implements TradeEvent {
        public LegChanged {
            Objects.requireNonNull(orderRef, "orderRef");
            Objects.requireNonNull(leg, "leg");
            Objects.requireNonNull(brokerOrderId, "brokerOrderId");
            Objects.requireNonNull(change, "change");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(time, "time");
        }
    }

    /** How well a position is protected changed, e.g. it became unprotected (a warning) or protected again. */
    record ProtectionChanged(String symbol, PositionView.Protection protection, long unprotectedQuantity,
            String message, Instant time) implements TradeEvent {
        public ProtectionChanged {
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(protection, "protection");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(time, "time");
        }
    }

    /** An action on a trade was recorded or moved on (sent, done, refused, failed). */
    record ActionChanged(TradeAction action, Instant time) implements TradeEvent {
        public ActionChanged {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(time, "time");
        }
    }
}
