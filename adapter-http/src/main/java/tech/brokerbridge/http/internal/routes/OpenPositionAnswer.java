package tech.brokerbridge.http.internal.routes;

import java.util.List;
import java.util.Optional;
import tech.brokerbridge.http.internal.web.Rounded;
import tech.brokerbridge.ports.desk.PositionView;

/**
 * {@code GET /api/positions}: one open position, the desk's bracket that opened it (if any), its
 * protective legs, and how well they cover it ({@code protection}: protected, closing, unprotected;
 * {@code warning} says what to do when unprotected).
 */
record OpenPositionAnswer(String symbol, long quantity, String direction, @Rounded.Price double averageCost,
        @Rounded.Price double marketPrice, @Rounded.Money double unrealizedPnl, Optional<String> orderRef,
        Optional<String> proposalId, String protection, long unprotectedQuantity, Optional<String> warning,
        List<LegAnswer> legs) {

    static OpenPositionAnswer of(PositionView p) {
        return new OpenPositionAnswer(p.symbol(), p.quantity(), p.quantity() > 0 ? "long" : "short", p.averageCost(),
                p.marketPrice(), p.unrealizedPnl(), p.orderRef(), p.proposalId(), p.protection().wire(),
                p.unprotectedQuantity(), p.warning(), p.legs().stream().map(LegAnswer::of).toList());
    }
}
