package tech.brokerbridge.ports.journal;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One user action, as it appears in the approvals log (and its CSV): on a proposal (approve, modify,
 * reject) or on the trade it became (close, cancel, modify_stop, modify_target, rearm_stop). For an
 * action on a trade, {@code original*} are the trade's quantity, stop and target before it and
 * {@code modified*} what the action asked for (for a close, the quantity left open after it);
 * {@code proposalId} is empty for a position the desk did not open.
 */
public record ApprovalRecord(Instant time, String proposalId, String symbol, Action action, long originalQuantity,
        double originalStop, double originalTarget, OptionalLong modifiedQuantity, OptionalDouble modifiedStop,
        OptionalDouble modifiedTarget, String reason) {
    public ApprovalRecord {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(proposalId, "proposalId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(modifiedQuantity, "modifiedQuantity");
        Objects.requireNonNull(modifiedStop, "modifiedStop");
        Objects.requireNonNull(modifiedTarget, "modifiedTarget");
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * approve (as is), modify (and approve), reject: on a proposal; close, cancel, modify_stop,
     * modify_target, rearm_stop: on the trade it became.
     */
    public enum Action {
        APPROVE, MODIFY, REJECT, CLOSE, CANCEL, MODIFY_STOP, MODIFY_TARGET, REARM_STOP;

        /** True for approve and modify: the proposal was approved. */
        public boolean approves() {
            return this == APPROVE || this == MODIFY;
        }

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
