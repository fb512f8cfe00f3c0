package tech.brokerbridge.http.internal.routes;

import java.util.Optional;
import tech.brokerbridge.http.internal.web.Rounded;
import tech.brokerbridge.ports.broker.OrderView;

/**
 * One order leg as the broker knows it now: an entry, stop loss, take profit or closing order.
 * {@code price} is the limit or stop (0 for a market close); {@code trailing} is there for a trailing
 * stop ({@code {"kind":"percent","value":2.0}}), else null.
 */
record LegAnswer(String brokerOrderId, String orderRef, String leg, String direction, long quantity,
        @Rounded.Price double price, String state, long filledQuantity, @Rounded.Price double averageFillPrice,
        Optional<Trail> trailing) {

    record Trail(String kind, @Rounded.Figure double value) {
    }

    static LegAnswer of(OrderView v) {
        return new LegAnswer(v.brokerOrderId(), v.orderRef(), v.leg().wire(), v.direction().wire(), v.quantity(),
                v.limitOrStopPrice(), v.state().wire(), v.filledQuantity(), v.averageFillPrice(),
                v.trailing().map(t -> new Trail(t.kind().wire(), t.value())));
    }
}
