package tech.brokerbridge.http.internal.routes;

import java.util.List;
import java.util.function.Function;

/**
 * The CSV exports' common form, RFC 4180: a header row, CRLF line ends, one row per record, fields
 * holding a comma, quote, CR or LF in double quotes with quotes doubled. Text cells ({@link #text})
 * that a spreadsheet would run as a formula (starting with {@code = + - @}, tab or CR) get a leading
 * apostrophe; other cells (numbers, times, wire words) are written as they are.
 */
final class Csv {
    private static final String CRLF = "\r\n";

    private Csv() {
    }

    /** {@code header}, then the cells {@code row} gives for each record, comma-separated. */
    static <T> String write(String header, List<T> records, Function<T, List<String>> row) {
        StringBuilder sb = new StringBuilder(header).append(CRLF);
        for (T record : records) {
            sb.append(String.join(",", row.apply(record))).append(CRLF);
        }
        return sb.toString();
    }

    /** A text cell: spreadsheet-safe, quoted when it holds a comma, quote, CR or LF. */
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
}
