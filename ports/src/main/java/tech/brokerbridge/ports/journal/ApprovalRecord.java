package tech.brokerbridge.ports.journal;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** One user action on a proposal, as it appears in the approvals log (and its CSV). */
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

    /** approve (as is), modify (and approve), reject. */
    public enum Action {
        APPROVE, MODIFY, REJECT;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
