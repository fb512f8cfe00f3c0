package tech.brokerbridge.core.internal.risk;

import tech.brokerbridge.ports.journal.GateResult;

/** Gate 1, {@code max_position_size_pct}: the position's value at entry is at most that % of net liquidation. */
public final class PositionSizeGate implements RiskGate {
    public static final String NAME = "position_size";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public GateResult evaluate(TradePlan trade, RiskContext ctx) {
        double value = trade.quantity() * trade.entry();
        double pct = ctx.pctOfNetLiq(value);
        double max = ctx.limits().maxPositionSizePct();
        boolean passed = pct <= max + EPSILON;
        Figures f = new Figures().put("position_value", value).put("net_liquidation", ctx.netLiquidation())
                .put("position_pct", pct).put("max_position_size_pct", max);
        String reason = "position value " + Figures.fmt(value) + " is " + Figures.fmt(pct) + "% of net liquidation"
                + (passed ? ", within " : ", over ") + "the limit of " + Figures.fmt(max) + "%";
        return new GateResult(NAME, passed, f.map(), reason);
    }
}
