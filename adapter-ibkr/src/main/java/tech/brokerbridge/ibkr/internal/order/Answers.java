package tech.brokerbridge.ibkr.internal.order;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import tech.brokerbridge.ibkr.internal.error.ErrorKind;

/**
 * The gateway's answers awaited for modifications and cancels of single orders, by order id. IB
 * answers a modification (placeOrder again with the same id) with openOrder and orderStatus at the
 * new levels, or an error (104: cannot modify a filled order; 201: refused); a cancel with the
 * Cancelled status or error 202, or 10147 (no such order) / 10148 (it cannot be cancelled: filled).
 * A refused modification leaves the order as it was: its error must not reject the leg. Guarded by
 * the tracker's lock.
 */
final class Answers {
    /** What is awaited. */
    enum Kind { MODIFY, CANCEL }

    /** The answer: empty when done as asked, else why not. */
    record Pending(Kind kind, CompletableFuture<Optional<String>> future) {
    }

    private final Map<Integer, Pending> pending = new HashMap<>();

    CompletableFuture<Optional<String>> await(int orderId, Kind kind) {
        Pending p = new Pending(kind, new CompletableFuture<>());
        pending.put(orderId, p);
        return p.future();
    }

    boolean awaits(int orderId, Kind kind) {
        Pending p = pending.get(orderId);
        return p != null && p.kind() == kind;
    }

    void done(int orderId, Kind kind) {
        complete(orderId, kind, Optional.empty());
    }

    void refused(int orderId, Kind kind, String reason) {
        complete(orderId, kind, Optional.of(reason));
    }

    /** An order error for an id with an answer pending: true when it is that answer. */
    boolean onError(int orderId, ErrorKind kind, String reason) {
        Pending p = pending.get(orderId);
        if (p == null) {
            return false;
        }
        if (p.kind() == Kind.CANCEL) {
            if (kind == ErrorKind.ORDER_CANCELLED) {
                done(orderId, Kind.CANCEL);
                return false; // the cancel event still goes out
            }
            if (kind == ErrorKind.CANCEL_REFUSED) {
                refused(orderId, Kind.CANCEL, reason);
                return true;
            }
            return false;
        }
        if (kind == ErrorKind.ORDER_REJECTED || kind == ErrorKind.MODIFY_REFUSED) {
            refused(orderId, Kind.MODIFY, reason);
            return true;
        }
        return false;
    }

    void failAll(RuntimeException e) {
        pending.values().forEach(p -> p.future().completeExceptionally(e));
        pending.clear();
    }

    private void complete(int orderId, Kind kind, Optional<String> outcome) {
        Pending p = pending.get(orderId);
        if (p != null && p.kind() == kind) {
            pending.remove(orderId);
            p.future().complete(outcome);
        }
    }
}
