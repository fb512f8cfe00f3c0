package tech.brokerbridge.ibkr.internal.order;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import tech.brokerbridge.ibkr.internal.error.ErrorKind;

/**
 * Waits for the gateway's first answer on each leg of one bracket (a status, an open order or an
 * error). A refused entry settles the bracket at once: its children will not be worked. Guarded by
 * the tracker's lock.
 */
public final class BracketAck {
    /** How the gateway took the bracket: {@code unknownContract} means nothing was created. */
    public record Outcome(boolean unknownContract, String reason) {
    }

    /**
     * Which outcomes accept the order: the caller settles by the same rule, and an accepted order's
     * held events are released as soon as it is acknowledged.
     */
    public enum Rule {
        /** A bracket: taken unless the gateway does not know the contract (a rejected entry is reported as events). */
        UNLESS_UNKNOWN_CONTRACT,
        /** A single order (a close, a stand-alone stop): any refusal is the caller's answer alone. */
        UNLESS_REFUSED;

        public boolean accepts(Outcome o) {
            return this == UNLESS_UNKNOWN_CONTRACT ? !o.unknownContract() : o.reason().isEmpty();
        }
    }

    private final String orderRef;
    private final List<Integer> ids;
    private final Rule rule;
    private final Set<Integer> answered = new HashSet<>();
    private final CompletableFuture<Outcome> future = new CompletableFuture<>();
    private boolean unknownContract;
    private String reason = "";

    BracketAck(String orderRef, List<Integer> ids, Rule rule) {
        this.orderRef = orderRef;
        this.ids = List.copyOf(ids);
        this.rule = rule;
    }

    String orderRef() {
        return orderRef;
    }

    CompletableFuture<Outcome> future() {
        return future;
    }

    void answered(int orderId) {
        answered.add(orderId);
        if (answered.containsAll(ids)) {
            future.complete(new Outcome(unknownContract, reason));
        }
    }

    void error(int orderId, ErrorKind kind, String text) {
        if (kind == ErrorKind.UNKNOWN_CONTRACT) {
            unknownContract = true;
        }
        if (reason.isEmpty()) {
            reason = text;
        }
        if (orderId == ids.get(0)) {
            future.complete(new Outcome(unknownContract, reason));
        } else {
            answered(orderId);
        }
    }

    /** True once every leg answered (or the entry was refused) with an outcome its rule accepts. */
    boolean accepted() {
        return future.isDone() && !future.isCompletedExceptionally() && rule.accepts(future.join());
    }

    void fail(RuntimeException e) {
        future.completeExceptionally(e);
    }
}
