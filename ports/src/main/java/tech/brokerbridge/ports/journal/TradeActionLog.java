package tech.brokerbridge.ports.journal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The actions taken on open trades ({@link TradeAction}), with their lines in the approvals log
 * (driven port; a role of the {@link Journal}).
 *
 * <p>Thread-safe; writes are durable before the method returns; failures throw
 * {@link JournalException}.
 */
public interface TradeActionLog {
    /**
     * Records a new action and its lines in the approvals log ({@link ProposalLog#approvals()}) in
     * one transaction, before the broker is called.
     *
     * @throws IllegalStateException when an action with the same id, or the same idempotency key, is
     *     recorded already (nothing is written)
     */
    void beginAction(TradeAction action, List<ApprovalRecord> approvals);

    /** Replaces the recorded action with the same id. */
    void saveAction(TradeAction action);

    Optional<TradeAction> findAction(String actionId);

    /** The action recorded with this idempotency key, if any. */
    Optional<TradeAction> actionByKey(String idempotencyKey);

    /** The action that placed the order with this ref ({@link TradeAction#placedRef()}), if any. */
    Optional<TradeAction> actionByPlacedRef(String placedRef);

    /** Every action in one of {@code states}, oldest first (ties in the order recorded). */
    List<TradeAction> actionsWithState(Collection<TradeAction.State> states);

    /** The actions on the bracket with this ref, oldest first (ties in the order recorded). */
    List<TradeAction> actionsOf(String orderRef);
}
