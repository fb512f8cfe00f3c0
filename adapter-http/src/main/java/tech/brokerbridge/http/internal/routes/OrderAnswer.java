package tech.brokerbridge.http.internal.routes;

import java.time.Instant;
import java.util.List;
import tech.brokerbridge.http.internal.web.Rounded;
import tech.brokerbridge.ports.journal.OrderRecord;

/** One bracket as the desk recorded it. */
record OrderAnswer(String orderRef, String symbol, String direction, long quantity, @Rounded.Price double entryPrice,
        @Rounded.Price double stopPrice, @Rounded.Price double targetPrice, String state, List<String> brokerOrderIds,
        String message, Instant createdAt, Instant updatedAt) {

    static OrderAnswer of(OrderRecord o) {
        return new OrderAnswer(o.orderRef(), o.symbol(), o.direction().wire(), o.quantity(), o.entryPrice(),
                o.stopPrice(), o.targetPrice(), o.state().wire(), o.brokerOrderIds(), o.message(), o.createdAt(),
                o.updatedAt());
    }
}
