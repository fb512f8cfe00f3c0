package tech.brokerbridge.ports.desk;

import java.time.Instant;
import java.util.List;
import tech.brokerbridge.ports.journal.ClosedTrade;

/**
 * Looking after open trades (driving port, part of {@link TradingDesk}): the positions with their
 * protective legs, the actions on them, and the record of closed trades.
 *
 * <p>Thread-safe. Actions on one position (by symbol) are serialized: two concurrent closes give one
 * close. Each action is journaled (and written to the approvals log) before the broker is called, is
 * never sent twice (see {@link ActionOptions} for retries), and blocks at most the broker's request
 * timeout; when the broker's answer does not come, the action stays {@code requested} and is
 * reconciled with the broker later, never resent. Reads block on the broker and the journal. Business
 * outcomes are values; technical failures are {@link tech.brokerbridge.ports.PortException}s.
 *
 * <p>While the kill switch is engaged, actions that reduce risk stay allowed (close, a tighter stop,
 * cancelling an unfilled bracket, re-arming a stop); widening a stop is refused.
 */
public interface PositionDesk {
    /** The broker's open positions, each with its protective legs and how well they cover it. */
    List<PositionView> positions();

    /**
     * Closes a position, whole or in part, at market or at a limit; the bracket's stop and target are
     * cut (or cancelled when nothing is left) in the same step, so no orphan leg stays working.
     */
    TradeActionResult closePosition(String symbol, CloseRequest request);

    /** Cancels a bracket whose entry has not filled (all three legs). A filled bracket is closed, not cancelled. */
    TradeActionResult cancelOrder(String orderRef, ActionOptions options);

    /**
     * Moves the stop and/or the target of a bracket (filled or not): checked first against the last
     * price and the portfolio-heat limit ({@link TradeActionResult.GatesFailed} when a check fails).
     */
    TradeActionResult modifyOrder(String orderRef, ModifyRequest request);

    /**
     * Puts a stop back on an unprotected position: a stop order for the uncovered shares at the
     * trade's original stop level. Only ever on the user's request.
     */
    TradeActionResult rearmStop(String symbol, ActionOptions options);

    /** The desk's brackets, newest first, with their legs and derived states. */
    List<BracketView> brackets(int limit);

    /** Closed trades with an exit time in {@code [from, to)}, oldest first. */
    List<ClosedTrade> closedTrades(Instant from, Instant to);

    /** Today's, this week's and all-time figures, and all time by setup and by advisor. */
    TradeSummary tradeSummary();
}
