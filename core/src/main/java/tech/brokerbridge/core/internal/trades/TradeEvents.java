package tech.brokerbridge.core.internal.trades;

import java.util.Objects;
import java.util.Optional;
import tech.brokerbridge.core.internal.events.EventHub;
import tech.brokerbridge.ports.broker.OrderEvent;
import tech.brokerbridge.ports.desk.PositionView.Protection;
import tech.brokerbridge.ports.events.DeskEvent;
import tech.brokerbridge.ports.journal.ClosedTrade;
import tech.brokerbridge.ports.journal.TradeAction;

/**
 * What looking after open trades publishes to the desk's events ({@link EventHub}): a trade gone flat
 * ({@code position.closed}), the orders actions placed ({@code order.leg}), actions moving on
 * ({@code trade.action}) and a position's cover ({@code position.protection}, with an
 * {@code unprotected_position} warning). The brackets' own legs and fills are published by the
 * execution side ({@code OrderEventPublisher}, the publishing order log). Never blocks; thread-safe.
 */
public final class TradeEvents {
    private final EventHub hub;

    public TradeEvents(EventHub hub) {
        this.hub = Objects.requireNonNull(hub, "hub");
    }

    /** A change of an order an action placed ({@code cls-…}, {@code stp-…}); fills are the order log's. */
    public void leg(OrderEvent e, String symbol) {
        String state;
        String detail;
        if (e instanceof OrderEvent.Working) {
            state = "working";
            detail = "working at the broker";
        } else if (e instanceof OrderEvent.Cancelled c) {
            state = "cancelled";
            detail = c.reason();
        } else if (e instanceof OrderEvent.Rejected r) {
            state = "rejected";
            detail = r.reason();
        } else if (e instanceof OrderEvent.Modified m) {
            state = "modified";
            detail = m.quantity() + " at " + m.price();
        } else {
            return;
        }
        hub.publish((id, t) -> new DeskEvent.LegUpdated(id, t, e.orderRef(), symbol, e.leg(), state, detail));
    }

    /** A trade went flat (once per trade: a late commission that changes its record publishes nothing). */
    public void closed(ClosedTrade trade) {
        long signed = trade.direction().sign() * trade.quantity();
        String how = switch (trade.exitReason()) {
            case STOP -> "stop_loss filled at ";
            case TARGET -> "take_profit filled at ";
            case CLOSE -> "closed at ";
            case FLATTEN -> "flattened at ";
        };
        hub.publish((id, t) -> new DeskEvent.PositionClosed(id, t, trade.symbol(), signed, trade.exitPrice(),
                trade.tradeId(), how + trade.exitPrice()));
    }

    public void action(TradeAction action) {
        hub.publish((id, t) -> new DeskEvent.TradeActionUpdated(id, t, action));
    }

    /** A position's cover changed; becoming unprotected is also a warning. */
    public void protection(String symbol, Protection protection, long unprotectedQuantity, String message) {
        hub.publish((id, t) -> new DeskEvent.ProtectionChanged(id, t, symbol, protection.wire(), unprotectedQuantity,
                message));
        if (protection == Protection.UNPROTECTED) {
            hub.publish((id, t) -> new DeskEvent.Warning(id, t, "unprotected_position", message,
                    Optional.of(symbol)));
        }
    }
}
