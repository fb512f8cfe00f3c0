package tech.brokerbridge.core.internal.risk;

import tech.brokerbridge.ports.journal.GateResult;

/**
 * Gate 3, {@code max_portfolio_heat_pct}: the total risk to the stops of every open trade, this one
 * included, is at most that % of net liquidation. See {@link PortfolioRisk} for how open risk is counted.
 */
public final class PortfolioHeatGate implements RiskGate {
    public static final String NAME = "portfolio_heat";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public GateResult evaluate(TradePlan trade, RiskContext ctx) {
        double open = PortfolioRisk.openRisk(ctx);
        double tradeRisk = trade.quantity() * Math.abs(trade.entry() - trade.stop());
        double total = open + tradeRisk;
        double heat = ctx.pctOfNetLiq(total);
        double max = ctx.limits().maxPortfolioHeatPct();
        boolean passed = heat <= max + EPSILON;
        Figures f = new Figures().put("open_risk", open).put("trade_risk", tradeRisk).put("total_risk", total)
                .put("heat_pct", heat).put("max_portfolio_heat_pct", max);
        String reason = "risk to the stops with this trade " + Figures.fmt(total) + " is " + Figures.fmt(heat)
                + "% of net liquidation" + (passed ? ", within " : ", over ") + "the limit of " + Figures.fmt(max) + "%";
        return new GateResult(NAME, passed, f.map(), reason);
    }
}
