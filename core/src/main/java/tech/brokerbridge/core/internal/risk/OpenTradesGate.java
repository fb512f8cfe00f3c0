package tech.brokerbridge.core.internal.risk;

import tech.brokerbridge.ports.journal.GateResult;

/**
 * Gate 2, {@code max_open_trades}: open positions plus approved/executing trades, counted per symbol,
 * stay at most the limit with this trade included (so the trade passes while fewer than the limit
 * are open).
 */
public final class OpenTradesGate implements RiskGate {
    public static final String NAME = "open_trades";

    @Override
    public GateResult evaluate(TradePlan trade, RiskContext ctx) {
        var open = PortfolioRisk.openTradeSymbols(ctx);
        open.remove(trade.symbol());
        int withThis = open.size() + 1;
        int max = ctx.limits().maxOpenTrades();
        boolean passed = withThis <= max;
        String reason = open.size() + (open.size() == 1 ? " trade" : " trades") + " open; with this one " + withThis
                + LimitCheck.side(passed, String.valueOf(max));
        return new Figures().put("open_trades", open.size()).put("with_this_trade", withThis)
                .put("max_open_trades", max).result(NAME, passed, reason);
    }
}
