package tech.brokerbridge.core.internal.risk;

import java.util.Locale;
import tech.brokerbridge.core.DeskConfig.RiskLimits;

/**
 * Sizing: {@code risk_per_trade_pct} of net liquidation divided by the stop distance, in whole
 * shares, capped by what gate 1 ({@code max_position_size_pct}) allows at the entry price.
 */
public final class PositionSizer {
    private PositionSizer() {
    }

    /** The size and how it was reached. */
    public record Size(long quantity, long byRisk, long cap, String explanation) {
    }

    public static Size size(double entry, double stop, RiskContext ctx) {
        double distance = Math.abs(entry - stop);
        RiskLimits l = ctx.limits();
        if (!(ctx.netLiquidation() > 0) || !(entry > 0) || !(distance > 0)) {
            return new Size(0, 0, 0, "no size: net liquidation, entry and stop distance must be positive");
        }
        double budget = ctx.netLiquidation() * l.riskPerTradePct() / 100.0;
        long byRisk = (long) Math.floor(budget / distance + RiskGate.EPSILON);
        long cap = (long) Math.floor(ctx.netLiquidation() * l.maxPositionSizePct() / 100.0 / entry + RiskGate.EPSILON);
        long q = Math.max(0, Math.min(byRisk, cap));
        String why = String.format(Locale.ROOT,
                "risk budget %.2f / stop distance %.4f = %d shares; max_position_size_pct allows %d; size %d",
                budget, distance, byRisk, cap, q);
        return new Size(q, byRisk, cap, why);
    }
}
