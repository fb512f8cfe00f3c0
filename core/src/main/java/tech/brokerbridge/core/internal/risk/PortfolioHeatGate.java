package tech.brokerbridge.core.internal.risk;

import tech.brokerbridge.ports.journal.GateResult;

/**
 * Gate 3, {@code max_portfolio_heat_pct}: the total risk to the stops of every open trade, this one
 * included, is at most that % of net liquidation. See {@link PortfolioRisk} for how open risk is counted.
 */
public final class PortfolioHeatGate implements RiskGate {
    public static final String NAME = "portfolio_heat";

    @Override
    public GateResult evaluate(TradePlan trade, RiskContext ctx) {
        double open = PortfolioRisk.openRisk(ctx);
        double tradeRisk = trade.quantity() * Math.abs(trade.entry() - trade.stop());
        double total = open + tradeRisk;
        double heat = ctx.pctOfNetLiq(total);
        double max = ctx.limits().maxPortfolioHeatPct();
        boolean passed = LimitCheck.atMost(heat, max);
        return new Figures().put("open_risk", open).put("trade_risk", tradeRisk).put("total_risk", total)
                .put("heat_pct", heat).put("max_portfolio_heat_pct", max)
                .result(NAME, passed, LimitCheck.shareOfNetLiq("risk to the stops with this trade", total, heat,
                        passed, max));
    }
}
