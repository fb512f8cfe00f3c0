package tech.brokerbridge.core.internal.risk;

import tech.brokerbridge.ports.advisor.RiskMetrics;

/** Turns a {@link RiskContext} into the anonymized ratios and counts an advisor may see. */
public final class RiskMetricsFactory {
    private RiskMetricsFactory() {
    }

    public static RiskMetrics of(RiskContext ctx) {
        return new RiskMetrics(
                round(finite(ctx.pctOfNetLiq(PortfolioRisk.openRisk(ctx)))),
                PortfolioRisk.openTradeSymbols(ctx).size(),
                ctx.limits().maxOpenTrades(),
                round(finite(ctx.pctOfNetLiq(ctx.dailyPnl()))),
                round(finite(PortfolioRisk.longExposurePct(ctx))),
                round(finite(PortfolioRisk.shortExposurePct(ctx))));
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : 0;
    }

    // two decimals: a ratio precise enough to judge, too coarse to reconstruct an amount from
    private static double round(double v) {
        return Math.round(v * 100.0) / 100.0;
    }
}
