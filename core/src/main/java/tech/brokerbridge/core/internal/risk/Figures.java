package tech.brokerbridge.core.internal.risk;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tech.brokerbridge.ports.journal.GateResult;

/** Small helpers for gate results: ordered figures and number formatting. */
final class Figures {
    private final Map<String, Double> values = new LinkedHashMap<>();

    Figures put(String name, double value) {
        values.put(name, value);
        return this;
    }

    Map<String, Double> map() {
        return values;
    }

    /** The result of gate {@code gate} with these figures as the numbers it compared. */
    GateResult result(String gate, boolean passed, String reason) {
        return new GateResult(gate, passed, values, reason);
    }

    /**
     * Two decimals; a value that rounds to zero is {@code 0.00}, never {@code -0.00}. The same text as
     * {@code String.format(Locale.ROOT, "%.2f", v)}, which rounds the shortest decimal that reads back
     * as {@code v} half up (so {@code 0.285} gives {@code 0.29}); done with BigDecimal because the
     * gates format a dozen figures per proposal and the Formatter took a sixth of an approval.
     */
    static String fmt(double v) {
        if (!Double.isFinite(v)) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        String shortest = Double.toString(v);
        if (shortest.indexOf('E') >= 0) { // below 1e-3 or from 1e7 on
            return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).toPlainString();
        }
        return rounded(shortest);
    }

    /**
     * {@code d} (plain: an optional minus, at most 7 whole digits, a point, at least one decimal) rounded to
     * two decimals half up on its digits, as BigDecimal.setScale would, without building one.
     */
    private static String rounded(String d) {
        boolean negative = d.charAt(0) == '-';
        int dot = d.indexOf('.');
        long hundredths = 0;
        for (int i = negative ? 1 : 0; i < dot; i++) {
            hundredths = hundredths * 10 + (d.charAt(i) - '0');
        }
        for (int i = dot + 1; i <= dot + 2; i++) {
            hundredths = hundredths * 10 + (i < d.length() ? d.charAt(i) - '0' : 0);
        }
        if (dot + 3 < d.length() && d.charAt(dot + 3) >= '5') {
            hundredths++;
        }
        if (hundredths == 0) {
            return "0.00";
        }
        long cents = hundredths % 100;
        return (negative ? "-" : "") + (hundredths / 100) + (cents < 10 ? ".0" : ".") + cents;
    }
}
