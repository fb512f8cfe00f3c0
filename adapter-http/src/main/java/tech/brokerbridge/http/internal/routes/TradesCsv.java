package tech.brokerbridge.http.internal.routes;

import java.util.List;
import tech.brokerbridge.http.internal.web.Rounded;
import tech.brokerbridge.ports.journal.ClosedTrade;

/**
 * Closed trades as RFC 4180 CSV, spreadsheet-safe as the approvals CSV ({@link ApprovalsCsv#text}):
 * CRLF line ends, a header row, text that a spreadsheet would run as a formula gets a leading
 * apostrophe. Money to the cent, prices to the tick, the R multiple to four decimals (empty when the
 * trade has none), as the JSON answers round them.
 */
final class TradesCsv {
    static final String HEADER = "trade_id,proposal_id,symbol,direction,setup_type,advisor,quantity,entry_time,"
            + "entry_price,exit_time,exit_price,gross_pnl,commissions,realized_pnl,initial_risk,r_multiple,"
            + "holding_seconds,exit_reason";
    private static final String CRLF = "\r\n";

    private TradesCsv() {
    }

    static String write(List<ClosedTrade> trades) {
        StringBuilder sb = new StringBuilder(HEADER).append(CRLF);
        for (ClosedTrade t : trades) {
            sb.append(ApprovalsCsv.text(t.tradeId())).append(',')
                    .append(ApprovalsCsv.text(t.proposalId().orElse(""))).append(',')
                    .append(ApprovalsCsv.text(t.symbol())).append(',')
                    .append(t.direction().wire()).append(',')
                    .append(ApprovalsCsv.text(t.setupType())).append(',')
                    .append(ApprovalsCsv.text(t.advisor())).append(',')
                    .append(t.quantity()).append(',')
                    .append(t.entryTime()).append(',')
                    .append(Rounded.price(t.entryPrice()).toPlainString()).append(',')
                    .append(t.exitTime()).append(',')
                    .append(Rounded.price(t.exitPrice()).toPlainString()).append(',')
                    .append(Rounded.money(t.grossPnl()).toPlainString()).append(',')
                    .append(Rounded.money(t.commissions()).toPlainString()).append(',')
                    .append(Rounded.money(t.realizedPnl()).toPlainString()).append(',')
                    .append(Rounded.money(t.initialRisk()).toPlainString()).append(',')
                    .append(t.rMultiple().isPresent() ? Rounded.figure(t.rMultiple().getAsDouble()).toPlainString() : "")
                    .append(',')
                    .append(t.holding().toSeconds()).append(',')
                    .append(t.exitReason().wire()).append(CRLF);
        }
        return sb.toString();
    }
}
