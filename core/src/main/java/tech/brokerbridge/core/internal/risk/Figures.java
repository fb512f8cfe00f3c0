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
     * as {@code v} half up (so {@code 0.285} gives {@code 0.29}); done on the digits of
     * {@link Double#toString} (BigDecimal from 1e16 on) because the gates format a dozen figures per
     * proposal: the Formatter took a sixth of an approval, BigDecimal still a twentieth.
     */
    static String fmt(double v) {
        if (!Double.isFinite(v)) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        String shortest = Double.toString(v); // e.g. "-12.345", "1.0E12", "4.2E-5"
        boolean negative = shortest.charAt(0) == '-';
        int e = shortest.indexOf('E');
        int exponent = e < 0 ? 0 : Integer.parseInt(shortest, e + 1, shortest.length(), 10);
        if (exponent < 0) {
            return "0.00"; // below 1e-3 in size: rounds to zero, which has no sign
        }
        if (exponent > 15) {
            return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).toPlainString();
        }
        String mantissa = shortest.substring(negative ? 1 : 0, e < 0 ? shortest.length() : e);
        int dot = mantissa.indexOf('.');
        String digits = mantissa.substring(0, dot) + mantissa.substring(dot + 1);
        return rounded(negative, digits, dot + exponent);
    }

    /**
     * The decimal {@code digits} with the point after the first {@code whole} of them (zeros past their end),
     * rounded to two decimals half up on those digits, as BigDecimal.setScale would, without building one;
     * at most 18 digits are kept.
     */
    private static String rounded(boolean negative, String digits, int whole) {
        long hundredths = 0;
        for (int i = 0; i < whole + 2; i++) {
            hundredths = hundredths * 10 + (i < digits.length() ? digits.charAt(i) - '0' : 0);
        }
        if (whole + 2 < digits.length() && digits.charAt(whole + 2) >= '5') {
            hundredths++;
        }
        if (hundredths == 0) {
            return "0.00";
        }
        long cents = hundredths % 100;
        return (negative ? "-" : "") + (hundredths / 100) + (cents < 10 ? ".0" : ".") + cents;
    }
}
