package tech.brokerbridge.ports.journal;

import java.util.List;
import java.util.Optional;

/**
 * The desk's record of every bracket it sent, keyed by the order ref (the proposal id), with the
 * fills the broker reported (driven port; a role of the {@link Journal}).
 *
 * <p>Thread-safe; writes are durable before the method returns, except {@link #saveOrderProgress}'s
 * (see there); failures throw {@link JournalException}.
 */
public interface OrderLog {
    /** Inserts or replaces the order record with this {@code orderRef}. */
    void saveOrder(OrderRecord order);

    /**
     * Inserts or replaces an order record whose news the broker holds as well (it accepted the
     * bracket, under these ids; it is working): committed and visible to reads at once, but made
     * durable by the journal's next durable write or within one second, without waiting for a sync of
     * its own. A crash in between can lose only this progress, which reconciliation with the broker
     * ({@code ordersByRef}) restores. Anything the broker does not also hold goes through
     * {@link #saveOrder}. The default is {@link #saveOrder}: durable at once, which is always allowed.
     */
    default void saveOrderProgress(OrderRecord order) {
        saveOrder(order);
    }

    Optional<OrderRecord> findOrder(String orderRef);

    /**
     * Order records, newest first (ties by ref, descending), at most {@code limit}.
     *
     * @throws IllegalArgumentException when {@code limit} is below 1
     */
    List<OrderRecord> orders(int limit);

    /** Records a fill; false (and nothing written) when this execution id was already recorded. */
    boolean recordFill(FillRecord fill);

    /**
     * Sets the commission of a recorded fill (replacing one reported before); false (and nothing
     * written) when no fill with this execution id is recorded.
     */
    boolean recordCommission(String executionId, double commission);

    /** The fills of one order, oldest first (ties in the order recorded). */
    List<FillRecord> fills(String orderRef);
}
