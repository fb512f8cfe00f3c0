package tech.brokerbridge.notify;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tech.brokerbridge.ports.advisor.AiExchange;
import tech.brokerbridge.ports.desk.ActionOptions;
import tech.brokerbridge.ports.desk.ActionResult;
import tech.brokerbridge.ports.desk.Actor;
import tech.brokerbridge.ports.desk.BracketView;
import tech.brokerbridge.ports.desk.CloseRequest;
import tech.brokerbridge.ports.desk.Health;
import tech.brokerbridge.ports.desk.KillSwitchOutcome;
import tech.brokerbridge.ports.desk.KillSwitchRequest;
import tech.brokerbridge.ports.desk.Modification;
import tech.brokerbridge.ports.desk.ModifyRequest;
import tech.brokerbridge.ports.desk.Portfolio;
import tech.brokerbridge.ports.desk.PositionView;
import tech.brokerbridge.ports.desk.ScanReport;
import tech.brokerbridge.ports.desk.TradeActionResult;
import tech.brokerbridge.ports.desk.TradeSummary;
import tech.brokerbridge.ports.desk.TradingDesk;
import tech.brokerbridge.ports.events.DeskEventListener;
import tech.brokerbridge.ports.events.EventSubscription;
import tech.brokerbridge.ports.journal.ApprovalRecord;
import tech.brokerbridge.ports.journal.ClosedTrade;
import tech.brokerbridge.ports.journal.DecisionRecord;
import tech.brokerbridge.ports.journal.OrderRecord;
import tech.brokerbridge.ports.journal.Proposal;
import tech.brokerbridge.ports.journal.ProposalPage;
import tech.brokerbridge.ports.journal.ProposalQuery;
import tech.brokerbridge.ports.journal.ProposalStatus;
import tech.brokerbridge.ports.license.LicenseState;
import tech.brokerbridge.ports.notify.ChannelTest;
import tech.brokerbridge.ports.journal.NotificationExchange;

/**
 * A trading desk that holds proposals in memory and records the actions asked of it: approve and
 * reject move a pending proposal (once), the kill switch engages. Only what the notifications call is
 * implemented; the rest is refused. The real desk is used in the launcher's desk-level tests.
 */
final class DeskDouble implements TradingDesk {
    record Action(String what, String proposalId, Modification modification, Actor actor) {
    }

    final Map<String, Proposal> proposals = new ConcurrentHashMap<>();
    final List<Action> actions = java.util.Collections.synchronizedList(new ArrayList<>());
    final List<String> kills = java.util.Collections.synchronizedList(new ArrayList<>());

    DeskDouble with(Proposal p) {
        proposals.put(p.proposalId(), p);
        return this;
    }

    @Override
    public Optional<Proposal> proposal(String proposalId) {
        return Optional.ofNullable(proposals.get(proposalId));
    }

    @Override
    public ActionResult approve(String proposalId, Modification modification) {
        return approve(proposalId, modification, Actor.api());
    }

    @Override
    public synchronized ActionResult approve(String proposalId, Modification modification, Actor actor) {
        actions.add(new Action("approve", proposalId, modification, actor));
        return move(proposalId, ProposalStatus.APPROVED);
    }

    @Override
    public ActionResult reject(String proposalId, Optional<String> reason) {
        return reject(proposalId, reason, Actor.api());
    }

    @Override
    public synchronized ActionResult reject(String proposalId, Optional<String> reason, Actor actor) {
        actions.add(new Action("reject", proposalId, Modification.none(), actor));
        return move(proposalId, ProposalStatus.REJECTED);
    }

    private ActionResult move(String id, ProposalStatus to) {
        Proposal p = proposals.get(id);
        if (p == null) {
            return new ActionResult.NotFound(id);
        }
        if (p.status() != ProposalStatus.PENDING) {
            return new ActionResult.Conflict("the proposal is " + p.status().wire());
        }
        Proposal moved = p.withStatus(to, p.createdAt(), "by " + to.wire());
        proposals.put(id, moved);
        return new ActionResult.Done(moved);
    }

    @Override
    public KillSwitchOutcome engageKillSwitch(KillSwitchRequest request) {
        kills.add(request.reason());
        return new KillSwitchOutcome(0, List.of(), List.of(), List.of(), List.of());
    }

    @Override
    public List<PositionView> positions() {
        throw new UnsupportedOperationException("notifications never read the account");
    }

    @Override
    public TradeActionResult closePosition(String symbol, CloseRequest request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public TradeActionResult cancelOrder(String orderRef, ActionOptions options) {
        throw new UnsupportedOperationException();
    }

    @Override
    public TradeActionResult modifyOrder(String orderRef, ModifyRequest request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public TradeActionResult rearmStop(String symbol, ActionOptions options) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<BracketView> brackets(int limit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<ClosedTrade> closedTrades(Instant from, Instant to) {
        throw new UnsupportedOperationException();
    }

    @Override
    public TradeSummary tradeSummary() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void releaseKillSwitch() {
        throw new AssertionError("nothing releases the kill switch from a notification channel");
    }

    @Override
    public LicenseState license() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Health health() {
        throw new UnsupportedOperationException();
    }

    @Override
    public ScanReport scanNow() {
        throw new UnsupportedOperationException();
    }

    @Override
    public ProposalPage proposals(ProposalQuery query) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Portfolio portfolio() {
        throw new UnsupportedOperationException("notifications never read the account");
    }

    @Override
    public List<OrderRecord> orders(int limit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<DecisionRecord> decisions(LocalDate day) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<ApprovalRecord> approvals() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<List<tech.brokerbridge.ports.market.Bar>> proposalBars(String proposalId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<AiExchange> aiAudit(int limit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<NotificationExchange> notificationAudit(int limit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<ChannelTest> testNotifications(Optional<String> channel) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean startTrading() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void stopTrading() {
        throw new UnsupportedOperationException();
    }

    @Override
    public EventSubscription subscribe(DeskEventListener listener) {
        throw new UnsupportedOperationException();
    }
}
