package tech.brokerbridge.core.internal.risk;

import tech.brokerbridge.ports.journal.GateResult;

/** Gate 1, {@code max_position_size_pct}: the position's value at entry is at most that % of net liquidation. */
public final class PositionSizeGate implements RiskGate {
    public static final String NAME = "position_size";

    @Override
    public GateResult evaluate(TradePlan trade, RiskContext ctx) {
        double value = trade.quantity() * trade.entry();
        double pct = ctx.pctOfNetLiq(value);
        double max = ctx.limits().maxPositionSizePct();
        boolean passed = LimitCheck.atMost(pct, max);
        return new Figures().put("position_value", value).put("net_liquidation", ctx.netLiquidation())
                .put("position_pct", pct).put("max_position_size_pct", max)
                .result(NAME, passed, LimitCheck.shareOfNetLiq("position value", value, pct, passed, max));
    }
}
