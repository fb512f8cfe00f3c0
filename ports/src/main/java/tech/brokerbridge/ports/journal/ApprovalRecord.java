package tech.brokerbridge.ports.journal;

import java.time.Instant;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import tech.brokerbridge.ports.Require;
import tech.brokerbridge.ports.WireName;

/**
 * One user action, as it appears in the approvals log (and its CSV): on a proposal (approve, modify,
 * reject) or on the trade it became (close, cancel, modify_stop, modify_target, rearm_stop). For an
 * action on a trade, {@code original*} are the trade's quantity, stop and target before it and
 * {@code modified*} what the action asked for (for a close, the quantity left open after it);
 * {@code proposalId} is empty for a position the desk did not open.
 *
 * @param channel where the user acted: {@code api} (the HTTP API, the dashboard, an embedder) or
 *     {@code telegram} (a button pressed in the Telegram bot)
 * @param actor who acted on that channel, e.g. the Telegram user id; empty for the API
 */
public record ApprovalRecord(Instant time, String proposalId, String symbol, Action action, long originalQuantity,
        double originalStop, double originalTarget, OptionalLong modifiedQuantity, OptionalDouble modifiedStop,
        OptionalDouble modifiedTarget, String reason, String channel, String actor) {
    /** The channel of an action through the API (and of every action recorded before channels were). */
    public static final String API = "api";

    public ApprovalRecord {
        Require.nonNull("time", time, "proposalId", proposalId, "symbol", symbol, "action", action,
                "modifiedQuantity", modifiedQuantity, "modifiedStop", modifiedStop, "modifiedTarget", modifiedTarget,
                "reason", reason, "channel", channel, "actor", actor);
    }

    /** An action through the API. */
    public ApprovalRecord(Instant time, String proposalId, String symbol, Action action, long originalQuantity,
            double originalStop, double originalTarget, OptionalLong modifiedQuantity, OptionalDouble modifiedStop,
            OptionalDouble modifiedTarget, String reason) {
        this(time, proposalId, symbol, action, originalQuantity, originalStop, originalTarget, modifiedQuantity,
                modifiedStop, modifiedTarget, reason, API, "");
    }

    /**
     * approve (as is), modify (and approve), reject: on a proposal; close, cancel, modify_stop,
     * modify_target, rearm_stop: on the trade it became.
     */
    public enum Action implements WireName {
        APPROVE, MODIFY, REJECT, CLOSE, CANCEL, MODIFY_STOP, MODIFY_TARGET, REARM_STOP;

        /** True for approve and modify: the proposal was approved. */
        public boolean approves() {
            return this == APPROVE || this == MODIFY;
        }
    }
}
