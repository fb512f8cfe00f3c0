package tech.brokerbridge.ports.journal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The trades the desk opened, while open and once closed (driven port; a role of the {@link Journal}):
 * the record of every closed trade, with its P&amp;L, that the summaries and the CSV are made of.
 *
 * <p>Thread-safe; writes are durable before the method returns; failures throw
 * {@link JournalException}.
 */
public interface TradeLog {
    /** Inserts or replaces the open trade with this id. */
    void saveOpenTrade(OpenTrade trade);

    /** The open trades, oldest first (ties by id). */
    List<OpenTrade> openTrades();

    /**
     * Records a closed trade, in one transaction with removing the open trade of the same id; a closed
     * trade with this id already recorded is replaced (e.g. by one with a commission reported late).
     */
    void saveClosedTrade(ClosedTrade trade);

    Optional<ClosedTrade> findClosedTrade(String tradeId);

    /**
     * Closed trades with {@code from <= exitTime < to}, oldest exit first (ties by id).
     *
     * @throws IllegalArgumentException when {@code to} is before {@code from}
     */
    List<ClosedTrade> closedTrades(Instant from, Instant to);
}
