package tech.brokerbridge.core.internal.execution;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tech.brokerbridge.ports.journal.OrderRecord;
import tech.brokerbridge.ports.journal.OrderRecord.State;

/**
 * Order records only move forward: submitting → accepted → entry_filled (or unprotected, its twin,
 * set by the protection watch) → closed, with rejected, cancelled and failed after accepted and before
 * closed. Events may arrive out of order (a fill
 * before the submit call returned), so a late "accepted" never undoes a fill.
 */
final class OrderProgress {
    private static final Map<State, Integer> RANK = new EnumMap<>(State.class);

    static {
        RANK.put(State.SUBMITTING, 0);
        RANK.put(State.ACCEPTED, 1);
        RANK.put(State.ENTRY_FILLED, 2);
        RANK.put(State.UNPROTECTED, 2);
        RANK.put(State.REJECTED, 3);
        RANK.put(State.CANCELLED, 3);
        RANK.put(State.FAILED, 3);
        RANK.put(State.CLOSED, 4);
    }

    private OrderProgress() {
    }

    /** The record moved to {@code to} when that is forward; otherwise the same record (ids merged in). */
    static OrderRecord advance(OrderRecord r, State to, List<String> ids, String message, Instant now) {
        List<String> mergedIds = r.brokerOrderIds().isEmpty() ? ids : r.brokerOrderIds();
        if (RANK.get(to) > RANK.get(r.state())) {
            return r.with(to, mergedIds, message, now);
        }
        if (!mergedIds.equals(r.brokerOrderIds())) {
            return r.with(r.state(), mergedIds, r.message(), now);
        }
        return r;
    }
}
