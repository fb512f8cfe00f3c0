package tech.brokerbridge.ports.desk;

import java.util.List;
import java.util.Objects;
import tech.brokerbridge.ports.Require;
import tech.brokerbridge.ports.journal.GateResult;
import tech.brokerbridge.ports.journal.Proposal;

/** The outcome of a user action on a proposal. Business outcomes, not exceptions. */
public sealed interface ActionResult {
    /** Done; the proposal as it is now. */
    record Done(Proposal proposal) implements ActionResult {
        public Done {
            Objects.requireNonNull(proposal, "proposal");
        }
    }

    /** No proposal with that id. */
    record NotFound(String proposalId) implements ActionResult {
    }

    /**
     * The action is not allowed now: the proposal's state, the kill switch, or the account check.
     *
     * @param code {@code conflict}, or {@code account_mode_mismatch} / {@code account_not_selected} when
     *     the broker's account is not one the desk may trade
     */
    record Conflict(String code, String reason) implements ActionResult {
        public static final String GENERIC = "conflict";

        public Conflict {
            Require.nonNull("code", code, "reason", reason);
        }

        public Conflict(String reason) {
            this(GENERIC, reason);
        }
    }

    /** The modified trade failed a gate; the proposal stays pending. */
    record GatesFailed(List<GateResult> gates) implements ActionResult {
        public GatesFailed {
            gates = List.copyOf(gates);
        }
    }

    /** The request itself is invalid (e.g. a negative quantity); {@code field} names the culprit. */
    record Invalid(String field, String reason) implements ActionResult {
    }
}
