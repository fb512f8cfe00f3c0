package tech.brokerbridge.http.internal.routes;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import tech.brokerbridge.http.internal.web.Rounded;
import tech.brokerbridge.ports.journal.ApprovalRecord;

/**
 * The approvals log as CSV ({@link Csv}), with where the user acted ({@code api} or {@code telegram})
 * and who (the Telegram user id). Prices are rounded to the tick; an absent modification is an empty
 * cell.
 */
final class ApprovalsCsv {
    static final String HEADER = "time,proposal_id,symbol,action,original_quantity,original_stop,original_target,"
            + "modified_quantity,modified_stop,modified_target,reason,channel,actor";

    private ApprovalsCsv() {
    }

    static String write(List<ApprovalRecord> records) {
        return Csv.write(HEADER, records, a -> List.of(a.time().toString(), Csv.text(a.proposalId()),
                Csv.text(a.symbol()), a.action().wire(), Long.toString(a.originalQuantity()), number(a.originalStop()),
                number(a.originalTarget()), number(a.modifiedQuantity()), number(a.modifiedStop()),
                number(a.modifiedTarget()), Csv.text(a.reason()), Csv.text(a.channel()), Csv.text(a.actor())));
    }

    /** A price, to the tick as the JSON answers write it. */
    private static String number(double d) {
        return Double.isFinite(d) ? Rounded.price(d).toPlainString() : "";
    }

    private static String number(OptionalDouble d) {
        return d.isPresent() ? number(d.getAsDouble()) : "";
    }

    private static String number(OptionalLong v) {
        return v.isPresent() ? Long.toString(v.getAsLong()) : "";
    }
}
