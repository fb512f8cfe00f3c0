package tech.brokerbridge.core.internal.execution;

import java.util.Optional;
import tech.brokerbridge.ports.journal.OrderRecord;

/** Why a proposal is reconciled with the broker, and what "the broker has nothing for it" then means. */
public enum ReconcileMode {
    /** At start-up: nothing at the broker means it was never sent; it fails and is not resubmitted. */
    STARTUP,
    /**
     * The periodic check while running: nothing at the broker fails the proposal only when its
     * submission's outcome is unknown (no order record, or one still {@code SUBMITTING}: the broker
     * call failed); otherwise it changes nothing.
     */
    MAINTENANCE,
    /** A routine check (a duplicate answer): nothing found changes nothing. */
    ROUTINE;

    /** The failure reason when the broker knows nothing of the ref, or empty when that is no failure. */
    Optional<String> missingReason(Optional<OrderRecord> order) {
        switch (this) {
            case STARTUP:
                return Optional.of("not found at the broker after restart; not resubmitted");
            case MAINTENANCE:
                boolean unknown = order.isEmpty() || order.get().state() == OrderRecord.State.SUBMITTING;
                return unknown ? Optional.of("not found at the broker after a failed submission; not resubmitted")
                        : Optional.empty();
            default:
                return Optional.empty();
        }
    }
}
