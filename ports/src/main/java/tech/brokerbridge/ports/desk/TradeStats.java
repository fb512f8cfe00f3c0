package tech.brokerbridge.ports.desk;

import java.util.OptionalDouble;

/**
 * Figures over a set of closed trades, in the account currency.
 *
 * @param realizedPnl the sum of the trades' realized P&amp;L (after commissions)
 * @param winRate wins ÷ trades (a win made money after commissions); 0 without trades
 * @param averageR the mean R multiple of the trades that have one
 * @param expectancy realized P&amp;L per trade
 * @param maxDrawdown the largest fall of the closed-trade equity curve (cumulative realized P&amp;L in
 *     exit order) from a peak, the start counting as a peak at 0; 0 or positive
 */
public record TradeStats(int trades, int wins, int losses, double realizedPnl, double commissions, double winRate,
        OptionalDouble averageR, double expectancy, double maxDrawdown) {
}
