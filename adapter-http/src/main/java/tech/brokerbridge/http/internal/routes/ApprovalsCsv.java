package tech.brokerbridge.http.internal.routes;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import tech.brokerbridge.http.internal.web.Rounded;
import tech.brokerbridge.ports.journal.ApprovalRecord;

/**
 * The approvals log as RFC 4180 CSV, with where the user acted ({@code api} or {@code telegram}) and who
 * (the Telegram user id): CRLF line ends, a header row, fields holding a comma, quote, CR
 * or LF in double quotes with quotes doubled. Text cells that a spreadsheet would run as a formula
 * (starting with {@code = + - @}, tab or CR) get a leading apostrophe. Prices are rounded to the tick.
 */
final class ApprovalsCsv {
    static final String HEADER = "time,proposal_id,symbol,action,original_quantity,original_stop,original_target,"
            + "modified_quantity,modified_stop,modified_target,reason,channel,actor";
    private static final String CRLF = "\r\n";

    private ApprovalsCsv() {
    }

    static String write(List<ApprovalRecord> records) {
        StringBuilder sb = new StringBuilder(HEADER).append(CRLF);
        for (ApprovalRecord a : records) {
            sb.append(a.time()).append(',')
                    .append(text(a.proposalId())).append(',')
                    .append(text(a.symbol())).append(',')
                    .append(a.action().wire()).append(',')
                    .append(a.originalQuantity()).append(',')
                    .append(number(a.originalStop())).append(',')
                    .append(number(a.originalTarget())).append(',')
                    .append(number(a.modifiedQuantity())).append(',')
                    .append(number(a.modifiedStop())).append(',')
                    .append(number(a.modifiedTarget())).append(',')
                    .append(text(a.reason())).append(',')
                    .append(text(a.channel())).append(',')
                    .append(text(a.actor())).append(CRLF);
        }
        return sb.toString();
    }

    static String text(String s) {
        String v = s;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\r') >= 0 || v.indexOf('\n') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
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
