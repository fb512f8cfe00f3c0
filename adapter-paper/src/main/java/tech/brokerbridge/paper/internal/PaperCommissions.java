package tech.brokerbridge.paper.internal;

/**
 * What the paper broker charges for one execution, as IB's fixed pricing for US stocks does:
 * {@code perShare} × shares, at least {@code minimum}, at most 1 % of the trade's value.
 *
 * @param perShare per share, in the account currency (IB fixed: 0.005)
 * @param minimum per execution (IB fixed: 1.00); with both 0, nothing is charged
 */
record PaperCommissions(double perShare, double minimum) {
    /** IB's cap: at most 1 % of the trade's value. */
    static final double MAX_FRACTION_OF_VALUE = 0.01;

    PaperCommissions {
        if (!(perShare >= 0 && minimum >= 0) || !Double.isFinite(perShare) || !Double.isFinite(minimum)) {
            throw new IllegalArgumentException("commissions must be zero or positive amounts");
        }
    }

    /** The charge, in cents, for {@code quantity} shares at {@code price}. */
    double charge(long quantity, double price) {
        if (perShare == 0 && minimum == 0) {
            return 0;
        }
        double fee = Math.max(minimum, perShare * quantity);
        double cap = MAX_FRACTION_OF_VALUE * quantity * price;
        return Math.round(Math.min(fee, cap) * 100) / 100.0;
    }
}
