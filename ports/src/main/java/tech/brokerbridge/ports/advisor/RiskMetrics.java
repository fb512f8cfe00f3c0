package tech.brokerbridge.ports.advisor;

/**
 * Anonymized portfolio risk metrics: ratios and counts only, never an amount or an id. This is all
 * the advisor learns about the account.
 *
 * @param portfolioHeatPct risk to the stops of all open trades, % of net liquidation
 * @param openTrades open positions plus executing trades
 * @param maxOpenTrades the configured limit
 * @param dailyPnlPct today's P&amp;L as % of net liquidation
 * @param longExposurePct long market value, % of net liquidation
 * @param shortExposurePct short market value (absolute), % of net liquidation
 */
public record RiskMetrics(double portfolioHeatPct, int openTrades, int maxOpenTrades, double dailyPnlPct,
        double longExposurePct, double shortExposurePct) {
}
