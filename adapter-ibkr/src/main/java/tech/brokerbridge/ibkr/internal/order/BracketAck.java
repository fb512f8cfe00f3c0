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

    private final String orderRef;
    private final List<Integer> ids;
    private final Set<Integer> answered = new HashSet<>();
    private final CompletableFuture<Outcome> future = new CompletableFuture<>();
    private boolean unknownContract;
    private String reason = "";

    BracketAck(String orderRef, List<Integer> ids) {
        this.orderRef = orderRef;
        this.ids = List.copyOf(ids);
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

    void fail(RuntimeException e) {
        future.completeExceptionally(e);
    }
}
