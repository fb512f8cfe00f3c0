package tech.brokerbridge.ports.desk;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import tech.brokerbridge.ports.advisor.AiExchange;
import tech.brokerbridge.ports.events.DeskEvents;
import tech.brokerbridge.ports.journal.ApprovalRecord;
import tech.brokerbridge.ports.journal.DecisionRecord;
import tech.brokerbridge.ports.journal.OrderRecord;
import tech.brokerbridge.ports.journal.Proposal;
import tech.brokerbridge.ports.journal.ProposalPage;
import tech.brokerbridge.ports.journal.ProposalQuery;
import tech.brokerbridge.ports.license.LicenseState;
import tech.brokerbridge.ports.market.Bar;
import tech.brokerbridge.ports.notify.ChannelTest;
import tech.brokerbridge.ports.journal.NotificationExchange;

/**
 * The trading desk's use cases (driving port): what the HTTP adapter and embedders call.
 *
 * <p>Thread-safe. {@link #health()} and {@link #license()} are in-memory reads that never block.
 * The other calls may block on the journal (local disk) or the broker (bounded by its request
 * timeout); {@link #scanNow()} may take as long as a scan (bounded by the advisor's timeout per
 * candidate). Business outcomes are values; technical failures surface as
 * {@link tech.brokerbridge.ports.PortException}s. What happens on the desk is published as events
 * ({@link DeskEvents#subscribe}).
 */
public interface TradingDesk extends PositionDesk, DeskEvents {
    /** What is true now; never blocks. */
    Health health();

    /** The current license state; an in-memory read, never blocks. */
    LicenseState license();

    /** Runs one scan now and returns its decisions. */
    ScanReport scanNow();

    ProposalPage proposals(ProposalQuery query);

    Optional<Proposal> proposal(String proposalId);

    /**
     * The daily bars the scan read for the proposal (the last 120 up to when it was made), oldest first,
     * for its chart; empty when there is no such proposal. May block on the market data source (its
     * timeout) when they must be read again (an older proposal, or after a restart).
     */
    Optional<List<Bar>> proposalBars(String proposalId);

    /** Approves a pending proposal, as is or modified (the gates run again on a modified trade), and executes it. */
    ActionResult approve(String proposalId, Modification modification);

    /**
     * {@link #approve(String, Modification)} on behalf of {@code actor}: the same gates, locks and
     * journal; the approvals log records the actor's channel and id. An implementation without an
     * approvals log has nowhere to record it and may ignore it (the default).
     */
    default ActionResult approve(String proposalId, Modification modification, Actor actor) {
        return approve(proposalId, modification);
    }

    /** Rejects a pending proposal. */
    ActionResult reject(String proposalId, Optional<String> reason);

    /** {@link #reject(String, Optional)} on behalf of {@code actor}, as {@link #approve(String, Modification, Actor)}. */
    default ActionResult reject(String proposalId, Optional<String> reason, Actor actor) {
        return reject(proposalId, reason);
    }

    Portfolio portfolio();

    /** The desk's order records, newest first. */
    List<OrderRecord> orders(int limit);

    /** Decisions made on that UTC day, oldest first. */
    List<DecisionRecord> decisions(LocalDate day);

    /** The approvals log, oldest first. */
    List<ApprovalRecord> approvals();

    /** What left the machine for an AI provider, newest first. */
    List<AiExchange> aiAudit(int limit);

    /** What left the machine for a notification channel (and the presses refused), newest first. */
    List<NotificationExchange> notificationAudit(int limit);

    /**
     * Sends a test message to one configured notification channel, or to all when {@code channel} is
     * empty, and says what came of it (see {@link tech.brokerbridge.ports.notify.Notifier#test}); empty
     * when that channel is not configured. Blocks for at most about 10 s per channel.
     */
    List<ChannelTest> testNotifications(Optional<String> channel);

    /** Starts the periodic scan loop (idempotent). Refused (false) while the kill switch is engaged. */
    boolean startTrading();

    /** Stops the periodic scan loop (idempotent). */
    void stopTrading();

    /**
     * Engages the kill switch: stops the loop and refuses every action that adds risk (approvals,
     * executions, widening a stop) until released; see {@link KillSwitchRequest} for cancelling
     * unfilled brackets and flattening. Protective legs of filled positions are never cancelled by it,
     * except with their position by {@code flatten}.
     *
     * @throws tech.brokerbridge.ports.journal.JournalException when the switch's state cannot be saved
     */
    KillSwitchOutcome engageKillSwitch(KillSwitchRequest request);

    /**
     * {@link #engageKillSwitch(KillSwitchRequest)} without flattening.
     *
     * @return how many order legs were asked to cancel (0 unless {@code cancelOpenOrders})
     */
    default int engageKillSwitch(boolean cancelOpenOrders, String reason) {
        return engageKillSwitch(new KillSwitchRequest(cancelOpenOrders, false, reason)).cancelledLegs();
    }

    void releaseKillSwitch();
}
