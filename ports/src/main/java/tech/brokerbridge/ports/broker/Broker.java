package tech.brokerbridge.ports.broker;

import java.util.List;

/**
 * A broker account (driven port): connection state, account figures, positions, orders, bracket
 * submission, and looking after the trades sent ({@link TradeControl}: modify, close, re-arm a stop).
 *
 * <p>Implementations are thread-safe. Every call that talks to the broker blocks at most the
 * adapter's request timeout (10 s unless documented otherwise) and then throws a retryable
 * {@link BrokerException}; nothing waits forever. {@link #connectionStatus()} never blocks.
 *
 * <p>Submission is idempotent by {@link BracketOrder#orderRef()}: a broker that already knows the
 * ref answers {@link SubmitResult.Rejected} with {@code duplicate = true} and sends nothing.
 */
public interface Broker extends TradeControl {
    /** Short name for health and logs, e.g. {@code paper} or {@code ibkr}. */
    String name();

    /** Current connection state; never blocks. */
    ConnectionStatus connectionStatus();

    /**
     * The account orders go to, and whether it is a paper or a live one; never blocks. After a
     * reconnect it is the account chosen on the new session.
     */
    TradingAccount tradingAccount();

    AccountSnapshot account();

    List<Position> positions();

    /** Legs that are not done yet (pending or working), closing orders and stand-alone stops included. */
    List<OrderView> openOrders();

    /** Every leg the broker knows with this ref (open or done), for reconciliation after a restart. */
    List<OrderView> ordersByRef(String orderRef);

    /** Sends a bracket. Returns at once with the broker's acknowledgement; outcomes arrive as events. */
    SubmitResult submitBracket(BracketOrder order);

    /**
     * Cancels every leg with this ref that is not done (a bracket's three legs, or a closing order or a
     * stand-alone stop by its own ref). Returns how many legs were asked to cancel. Cancelling a
     * bracket whose entry filled cancels its protective legs: the desk only does that to an unfilled
     * bracket ({@link TradeControl#close} is how a filled position is left).
     */
    int cancel(String orderRef);

    /**
     * Registers a listener for order events. Returns a handle that removes it.
     */
    AutoCloseable subscribe(OrderEventListener listener);
}
