package tech.brokerbridge.http.internal.routes;

import java.util.List;
import tech.brokerbridge.http.internal.web.Rounded;
import tech.brokerbridge.ports.journal.ClosedTrade;

/**
 * Closed trades as CSV ({@link Csv}). Money to the cent, prices to the tick, the R multiple to four
 * decimals (empty when the trade has none), as the JSON answers round them.
 */
final class TradesCsv {
    static final String HEADER = "trade_id,proposal_id,symbol,direction,setup_type,advisor,quantity,entry_time,"
            + "entry_price,exit_time,exit_price,gross_pnl,commissions,realized_pnl,initial_risk,r_multiple,"
            + "holding_seconds,exit_reason";

    private TradesCsv() {
    }

    static String write(List<ClosedTrade> trades) {
        return Csv.write(HEADER, trades, t -> List.of(Csv.text(t.tradeId()), Csv.text(t.proposalId().orElse("")),
                Csv.text(t.symbol()), t.direction().wire(), Csv.text(t.setupType()), Csv.text(t.advisor()),
                Long.toString(t.quantity()), t.entryTime().toString(), Rounded.price(t.entryPrice()).toPlainString(),
                t.exitTime().toString(), Rounded.price(t.exitPrice()).toPlainString(),
                Rounded.money(t.grossPnl()).toPlainString(), Rounded.money(t.commissions()).toPlainString(),
                Rounded.money(t.realizedPnl()).toPlainString(), Rounded.money(t.initialRisk()).toPlainString(),
                t.rMultiple().isPresent() ? Rounded.figure(t.rMultiple().getAsDouble()).toPlainString() : "",
                Long.toString(t.holding().toSeconds()), t.exitReason().wire()));
    }
}
