package tech.brokerbridge.ports.broker;

import java.time.Instant;
import tech.brokerbridge.ports.Require;

/**
 * The account's figures at one moment, in the account currency. These amounts stay on the machine:
 * the core turns them into ratios before anything is sent to an advisor.
 *
 * @param netLiquidation value of the whole account
 * @param cash total cash value
 * @param buyingPower buying power
 * @param availableFunds funds available for new trades
 * @param unrealizedPnl open profit and loss
 * @param realizedPnlToday profit and loss realized since the start of today
 * @param dailyPnl today's total profit and loss (realized today plus change of unrealized)
 */
public record AccountSnapshot(
        String currency,
        double netLiquidation,
        double cash,
        double buyingPower,
        double availableFunds,
        double unrealizedPnl,
        double realizedPnlToday,
        double dailyPnl,
        Instant asOf) {
    public AccountSnapshot {
        Require.nonNull("currency", currency, "asOf", asOf);
    }
}
