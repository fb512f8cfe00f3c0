package tech.brokerbridge.core.internal.risk;

/**
 * The limits the five gates and the sizer apply (percentages as numbers of percent: 5.0 means 5 %).
 * The desk fills it from its configuration; see the config keys there.
 */
public record GateLimits(double maxPositionSizePct, int maxOpenTrades, double maxPortfolioHeatPct,
        double maxDailyLossPct, double minRewardRisk, double riskPerTradePct) {
}
