package tech.brokerbridge.http.internal.routes;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import tech.brokerbridge.http.internal.web.Rounded;
import tech.brokerbridge.ports.desk.BracketView;
import tech.brokerbridge.ports.journal.OrderRecord;

/**
 * One bracket: the desk's record ({@code state}, its stop and target as they stand now), every leg as
 * the broker knows it (closing orders and re-armed stops of the trade included) and
 * {@code bracket_state}, derived from those legs: working, open, unprotected, closing, closed,
 * cancelled, rejected, failed (submitting before the broker answered). {@code legs_unavailable} says
 * why the legs are missing when the broker could not be asked.
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
record OrderAnswer(String orderRef, String symbol, String direction, long quantity, @Rounded.Price double entryPrice,
        @Rounded.Price double stopPrice, @Rounded.Price double targetPrice, String state, List<String> brokerOrderIds,
        String message, Instant createdAt, Instant updatedAt, String bracketState, List<LegAnswer> legs,
        Optional<String> legsUnavailable) {

    static OrderAnswer of(BracketView v) {
        OrderRecord o = v.record();
        return new OrderAnswer(o.orderRef(), o.symbol(), o.direction().wire(), o.quantity(), o.entryPrice(),
                o.stopPrice(), o.targetPrice(), o.state().wire(), o.brokerOrderIds(), o.message(), o.createdAt(),
                o.updatedAt(), v.state().wire(), v.legs().stream().map(LegAnswer::of).toList(), v.legsUnavailable());
    }
}
