package tech.brokerbridge.core.internal.risk;

import tech.brokerbridge.ports.journal.GateResult;

/**
 * Gate 4, {@code max_daily_loss_pct}: once today's P&amp;L is at or below minus that % of net
 * liquidation, no new trade passes. The desk engages the kill switch when this gate fails.
 */
public final class DailyLossGate implements RiskGate {
    public static final String NAME = "daily_loss";

    @Override
    public GateResult evaluate(TradePlan trade, RiskContext ctx) {
        return evaluate(ctx);
    }

    /** The gate does not depend on the trade. */
    public GateResult evaluate(RiskContext ctx) {
        double pnlPct = ctx.pctOfNetLiq(ctx.dailyPnl());
        double max = ctx.limits().maxDailyLossPct();
        boolean passed = pnlPct > -max + EPSILON;
        String reason = passed
                ? "today's P&L " + Figures.fmt(pnlPct) + "% is above the loss limit of -" + Figures.fmt(max) + "%"
                : "daily loss limit reached: today's P&L " + Figures.fmt(pnlPct) + "% is at or below -"
                        + Figures.fmt(max) + "%";
        return new Figures().put("daily_pnl", ctx.dailyPnl()).put("daily_pnl_pct", pnlPct)
                .put("max_daily_loss_pct", max).result(NAME, passed, reason);
    }
}
