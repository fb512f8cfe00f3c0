package tech.brokerbridge.core.internal.risk;

/**
 * The outline the limit gates share: a figure compared with its limit, and the part of the reason
 * that says on which side of the limit it is.
 */
final class LimitCheck {
    private LimitCheck() {
    }

    /** True when {@code value} is at most {@code max}; a value exactly at the limit passes despite rounding. */
    static boolean atMost(double value, double max) {
        return value <= max + RiskGate.EPSILON;
    }

    /** {@code ", within the limit of <limit>"} when passed, else {@code ", over the limit of <limit>"}. */
    static String side(boolean passed, String limit) {
        return (passed ? ", within " : ", over ") + "the limit of " + limit;
    }

    /** {@code "<what> 5000.00 is 5.00% of net liquidation, within the limit of 5.00%"} (or over it). */
    static String shareOfNetLiq(String what, double amount, double pct, boolean passed, double maxPct) {
        return what + " " + Figures.fmt(amount) + " is " + Figures.fmt(pct) + "% of net liquidation"
                + side(passed, Figures.fmt(maxPct) + "%");
    }
}
