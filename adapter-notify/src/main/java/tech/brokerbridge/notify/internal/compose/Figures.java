package tech.brokerbridge.notify.internal.compose;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Numbers as messages write them: prices to the tick, scores and R to two decimals, money to the cent. */
final class Figures {
    private Figures() {
    }

    /** 0.01 from 1.00 up, 0.0001 below, as the API writes prices. */
    static BigDecimal price(double p) {
        return BigDecimal.valueOf(p).setScale(Math.abs(p) >= 1 ? 2 : 4, RoundingMode.HALF_UP);
    }

    static BigDecimal twoDecimals(double v) {
        BigDecimal b = BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
        return b.signum() == 0 ? b.abs() : b;
    }

    /** {@code +1.50 R}, {@code -1.00 R}. */
    static String r(double r) {
        BigDecimal b = twoDecimals(r);
        return (b.signum() > 0 ? "+" : "") + b.toPlainString() + " R";
    }
}
