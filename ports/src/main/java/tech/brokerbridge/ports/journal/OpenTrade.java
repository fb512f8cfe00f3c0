package tech.brokerbridge.ports.journal;

import java.time.Instant;
import java.util.Optional;
import tech.brokerbridge.ports.Require;
import tech.brokerbridge.ports.market.Direction;

/**
 * A trade the desk opened, once its entry filled: what the closed trade will need that the fills do
 * not say.
 *
 * @param tradeId the bracket's order ref (the proposal id)
 * @param advisor who decided the trade: {@code offline} or the AI provider the desk ran when the
 *     position opened
 * @param quantity shares filled
 * @param entryPrice average entry price
 * @param initialStop the stop the trade was approved with: its risk is the R of the R multiple
 */
public record OpenTrade(String tradeId, Optional<String> proposalId, String symbol, Direction direction,
        String setupType, String advisor, long quantity, double entryPrice, double initialStop, Instant openedAt) {
    public OpenTrade {
        Require.nonNull("tradeId", tradeId, "proposalId", proposalId, "symbol", symbol, "direction", direction,
                "setupType", setupType, "advisor", advisor, "openedAt", openedAt);
    }

    /** Money at risk to the initial stop. */
    public double initialRisk() {
        return quantity * Math.abs(entryPrice - initialStop);
    }
}
