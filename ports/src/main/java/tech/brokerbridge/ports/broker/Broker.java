package tech.brokerbridge.ports.broker;

import java.util.List;

/**
 * A broker account (driven port): connection state, account figures, positions, orders, and bracket
 * submission.
 *
 * <p>Implementations are thread-safe. Every call that talks to the broker blocks at most the
 * adapter's request timeout (10 s unless documented otherwise) and then throws a retryable
 * {@link BrokerException}; nothing waits forever. {@link #connectionStatus()} never blocks.
 *
 * <p>Submission is idempotent by {@link BracketOrder#orderRef()}: a broker that already knows the
 * ref answers {@link SubmitResult.Rejected} with {@code duplicate = true} and sends nothing.
 */
public interface Broker {
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

    /** Legs that are not done yet (pending or working). */
    List<OrderView> openOrders();

    /** Every leg the broker knows with this ref (open or done), for reconciliation after a restart. */
    List<OrderView> ordersByRef(String orderRef);

    /** Sends a bracket. Returns at once with the broker's acknowledgement; outcomes arrive as events. */
    SubmitResult submitBracket(BracketOrder order);

    /** Cancels every leg of the bracket with this ref that is not done. Returns how many legs were asked to cancel. */
    int cancel(String orderRef);

    /**
     * Registers a listener for order events. Returns a handle that removes it.
     */
    AutoCloseable subscribe(OrderEventListener listener);
}
