package tech.brokerbridge.http.internal.routes;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import tech.brokerbridge.http.internal.web.Rounded;
import tech.brokerbridge.ports.journal.ClosedTrade;

/** One closed trade: in and out, P&amp;L after commissions, R multiple, holding time, why it ended. */
record ClosedTradeAnswer(String tradeId, Optional<String> proposalId, String symbol, String direction,
        String setupType, String advisor, long quantity, Instant entryTime, @Rounded.Price double entryPrice,
        Instant exitTime, @Rounded.Price double exitPrice, @Rounded.Money double grossPnl,
        @Rounded.Money double commissions, @Rounded.Money double realizedPnl, @Rounded.Money double initialRisk,
        @Rounded.Figure OptionalDouble rMultiple, long holdingSeconds, String exitReason) {

    static ClosedTradeAnswer of(ClosedTrade t) {
        return new ClosedTradeAnswer(t.tradeId(), t.proposalId(), t.symbol(), t.direction().wire(), t.setupType(),
                t.advisor(), t.quantity(), t.entryTime(), t.entryPrice(), t.exitTime(), t.exitPrice(), t.grossPnl(),
                t.commissions(), t.realizedPnl(), t.initialRisk(), t.rMultiple(), t.holding().toSeconds(),
                t.exitReason().wire());
    }
}
