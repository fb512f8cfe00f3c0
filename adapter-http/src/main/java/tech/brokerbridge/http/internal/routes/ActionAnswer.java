package tech.brokerbridge.http.internal.routes;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import tech.brokerbridge.http.internal.web.Rounded;
import tech.brokerbridge.ports.journal.TradeAction;

/**
 * An action on a trade: its id, kind and state (requested, sent, done, refused, failed), the order it
 * placed ({@code placed_ref}: the closing order's or re-armed stop's own ref, and {@code broker_order_id}
 * its id at the broker), what it asked for, and whether this answer replays an earlier request.
 */
record ActionAnswer(String actionId, String kind, String state, boolean replayed, String symbol,
        Optional<String> orderRef, Optional<String> placedRef, Optional<String> brokerOrderId, OptionalLong quantity,
        @Rounded.Price OptionalDouble limitPrice, @Rounded.Price OptionalDouble stopPrice,
        @Rounded.Price OptionalDouble targetPrice, Optional<LegAnswer.Trail> trailing, String reason, String message,
        Instant createdAt, Instant updatedAt) {

    static ActionAnswer of(TradeAction a, boolean replayed) {
        TradeAction.Request r = a.request();
        return new ActionAnswer(a.actionId(), a.kind().wire(), a.state().wire(), replayed, a.symbol(), a.orderRef(),
                a.placedRef(), a.brokerOrderId(), r.quantity(), r.limitPrice(), r.stopPrice(), r.targetPrice(),
                r.trailing().map(t -> new LegAnswer.Trail(t.kind().wire(), t.value())), a.reason(), a.message(),
                a.createdAt(), a.updatedAt());
    }
}
