package tech.brokerbridge.sqlite.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import tech.brokerbridge.ports.advisor.AiExchange;
import tech.brokerbridge.ports.journal.NotificationExchange;
import tech.brokerbridge.ports.journal.ApprovalRecord;
import tech.brokerbridge.ports.journal.ApprovedTrade;
import tech.brokerbridge.ports.journal.ClosedTrade;
import tech.brokerbridge.ports.journal.CoolDown;
import tech.brokerbridge.ports.journal.DecisionRecord;
import tech.brokerbridge.ports.journal.FillRecord;
import tech.brokerbridge.ports.journal.KillSwitchState;
import tech.brokerbridge.ports.journal.LicenseRecord;
import tech.brokerbridge.ports.journal.OpenTrade;
import tech.brokerbridge.ports.journal.OrderRecord;
import tech.brokerbridge.ports.journal.Proposal;
import tech.brokerbridge.ports.journal.ProposalPage;
import tech.brokerbridge.ports.journal.ProposalQuery;
import tech.brokerbridge.ports.journal.ProposalStatus;
import tech.brokerbridge.ports.journal.TradeAction;
import tech.brokerbridge.sqlite.ClosableJournal;

/**
 * Every role of the {@link tech.brokerbridge.ports.journal.Journal} on one SQLite file; each call is one
 * transaction (writes that arrive together may share one commit: {@link Database}).
 */
public final class SqliteJournal implements ClosableJournal {
    private final Database db;
    private final LiveTrades live = new LiveTrades();

    SqliteJournal(Database db) {
        this.db = db;
    }

    /** Opens {@code file} (creating it and its directory) and migrates it to this build's schema. */
    public static SqliteJournal open(Path file, Duration busyTimeout) {
        return new SqliteJournal(Database.open(file, busyTimeout, Migration.all()));
    }

    Database database() {
        return db;
    }

    @Override
    public void saveProposal(Proposal proposal) {
        Objects.requireNonNull(proposal, "proposal");
        db.update("save proposal " + proposal.proposalId(), c -> {
            live.saved(proposal.proposalId());
            ProposalStore.save(c, proposal);
        });
    }

    @Override
    public void saveProposalWithApproval(Proposal proposal, ApprovalRecord approval) {
        Objects.requireNonNull(proposal, "proposal");
        Objects.requireNonNull(approval, "approval");
        if (!proposal.proposalId().equals(approval.proposalId())) {
            throw new IllegalArgumentException("approval is for " + approval.proposalId() + ", not for proposal "
                    + proposal.proposalId());
        }
        db.update("save proposal " + proposal.proposalId() + " with its approval", c -> {
            live.saved(proposal.proposalId());
            ProposalStore.save(c, proposal);
            ApprovalStore.append(c, approval);
        });
    }

    @Override
    public void saveApprovedTrade(ApprovedTrade trade) {
        Objects.requireNonNull(trade, "trade");
        Proposal p = trade.proposal();
        db.update("save the approved trade " + p.proposalId(), c -> {
            if (OrderStore.find(c, p.proposalId()).isPresent()) {
                throw new IllegalStateException("an order record already exists for " + p.proposalId());
            }
            live.saved(p.proposalId());
            ProposalStore.save(c, p);
            ApprovalStore.append(c, trade.approval());
            OrderStore.save(c, trade.intent());
        });
    }

    @Override
    public Optional<Proposal> findProposal(String proposalId) {
        Objects.requireNonNull(proposalId, "proposalId");
        return db.read("read proposal " + proposalId, c -> ProposalStore.find(c, proposalId));
    }

    @Override
    public OptionalInt historySize(String proposalId) {
        Objects.requireNonNull(proposalId, "proposalId");
        return db.read("read the history size of proposal " + proposalId, c -> ProposalStore.historySize(c, proposalId));
    }

    @Override
    public ProposalPage proposals(ProposalQuery query) {
        Objects.requireNonNull(query, "query");
        return db.read("list proposals", c -> ProposalStore.page(c, query));
    }

    @Override
    public List<Proposal> proposalsWithStatus(Collection<ProposalStatus> statuses) {
        Objects.requireNonNull(statuses, "statuses");
        return db.read("list proposals by status", c -> ProposalStore.withStatus(c, statuses, true));
    }

    @Override
    public List<Proposal> tradesWithStatus(Collection<ProposalStatus> statuses) {
        Objects.requireNonNull(statuses, "statuses");
        return db.read("list proposals' trades by status", c -> live.read(c, statuses));
    }

    @Override
    public void recordDecision(DecisionRecord decision) {
        Objects.requireNonNull(decision, "decision");
        db.update("record decision " + decision.decisionId(), c -> DecisionStore.record(c, decision));
    }

    @Override
    public List<DecisionRecord> decisions(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return db.read("list decisions", c -> DecisionStore.between(c, from, to));
    }

    @Override
    public List<ApprovalRecord> approvals() {
        return db.read("list approvals", ApprovalStore::all);
    }

    @Override
    public void saveOrder(OrderRecord order) {
        Objects.requireNonNull(order, "order");
        db.update("save order " + order.orderRef(), c -> OrderStore.save(c, order));
    }

    @Override
    public void saveOrderProgress(OrderRecord order) {
        Objects.requireNonNull(order, "order");
        db.updateProgress("save order " + order.orderRef(), c -> OrderStore.save(c, order));
    }

    @Override
    public Optional<OrderRecord> findOrder(String orderRef) {
        Objects.requireNonNull(orderRef, "orderRef");
        return db.read("read order " + orderRef, c -> OrderStore.find(c, orderRef));
    }

    @Override
    public List<OrderRecord> orders(int limit) {
        requirePositive(limit);
        return db.read("list orders", c -> OrderStore.newest(c, limit));
    }

    @Override
    public boolean recordFill(FillRecord fill) {
        Objects.requireNonNull(fill, "fill");
        return db.write("record fill " + fill.executionId(), c -> FillStore.record(c, fill));
    }

    @Override
    public boolean recordCommission(String executionId, double commission) {
        Objects.requireNonNull(executionId, "executionId");
        return db.write("record the commission of " + executionId, c -> FillStore.commission(c, executionId,
                commission));
    }

    @Override
    public List<FillRecord> fills(String orderRef) {
        Objects.requireNonNull(orderRef, "orderRef");
        return db.read("list fills of " + orderRef, c -> FillStore.of(c, orderRef));
    }

    @Override
    public void recordAiExchange(AiExchange exchange) {
        Objects.requireNonNull(exchange, "exchange");
        db.update("record an AI exchange", c -> AuditStore.append(c, exchange));
    }

    @Override
    public List<AiExchange> aiAudit(int limit) {
        requirePositive(limit);
        return db.read("read the AI audit", c -> AuditStore.newest(c, limit));
    }

    @Override
    public void recordNotification(NotificationExchange exchange) {
        Objects.requireNonNull(exchange, "exchange");
        db.update("record a notification", c -> NotificationAuditStore.append(c, exchange));
    }

    @Override
    public List<NotificationExchange> notificationAudit(int limit) {
        requirePositive(limit);
        return db.read("read the notification audit", c -> NotificationAuditStore.newest(c, limit));
    }

    @Override
    public Optional<KillSwitchState> killSwitch() {
        return db.read("read the kill switch", KillSwitchStore::get);
    }

    @Override
    public void saveKillSwitch(KillSwitchState state) {
        Objects.requireNonNull(state, "state");
        db.update("save the kill switch", c -> KillSwitchStore.put(c, state));
    }

    @Override
    public Optional<LicenseRecord> license() {
        return db.read("read the license records", LicenseStore::get);
    }

    @Override
    public void saveLicense(LicenseRecord record) {
        Objects.requireNonNull(record, "record");
        db.update("save the license records", c -> LicenseStore.put(c, record));
    }

    @Override
    public void startCoolDown(CoolDown coolDown) {
        Objects.requireNonNull(coolDown, "coolDown");
        db.update("start a cool-down of " + coolDown.symbol(), c -> CoolDownStore.start(c, coolDown));
    }

    @Override
    public List<CoolDown> activeCoolDowns(Instant now) {
        Objects.requireNonNull(now, "now");
        return db.read("read the cool-downs", c -> CoolDownStore.active(c, now));
    }

    @Override
    public void beginAction(TradeAction action, List<ApprovalRecord> approvals) {
        Objects.requireNonNull(action, "action");
        List<ApprovalRecord> lines = List.copyOf(approvals);
        db.update("record action " + action.actionId(), c -> {
            if (TradeActionStore.exists(c, action)) {
                throw new IllegalStateException("an action with id " + action.actionId()
                        + " or with its idempotency key is recorded already");
            }
            TradeActionStore.save(c, action);
            for (ApprovalRecord a : lines) {
                ApprovalStore.append(c, a);
            }
        });
    }

    @Override
    public void saveAction(TradeAction action) {
        Objects.requireNonNull(action, "action");
        db.update("save action " + action.actionId(), c -> TradeActionStore.save(c, action));
    }

    @Override
    public Optional<TradeAction> findAction(String actionId) {
        Objects.requireNonNull(actionId, "actionId");
        return db.read("read action " + actionId, c -> TradeActionStore.findBy(c, "action_id", actionId));
    }

    @Override
    public Optional<TradeAction> actionByKey(String idempotencyKey) {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        return db.read("read an action by key", c -> TradeActionStore.findBy(c, "idempotency_key", idempotencyKey));
    }

    @Override
    public Optional<TradeAction> actionByPlacedRef(String placedRef) {
        Objects.requireNonNull(placedRef, "placedRef");
        return db.read("read the action of " + placedRef, c -> TradeActionStore.findBy(c, "placed_ref", placedRef));
    }

    @Override
    public List<TradeAction> actionsWithState(Collection<TradeAction.State> states) {
        List<TradeAction.State> copy = List.copyOf(states);
        return db.read("list actions by state", c -> TradeActionStore.withState(c, copy));
    }

    @Override
    public List<TradeAction> actionsOf(String orderRef) {
        Objects.requireNonNull(orderRef, "orderRef");
        return db.read("list the actions on " + orderRef, c -> TradeActionStore.of(c, orderRef));
    }

    @Override
    public void saveOpenTrade(OpenTrade trade) {
        Objects.requireNonNull(trade, "trade");
        db.update("save open trade " + trade.tradeId(), c -> TradeStore.saveOpen(c, trade));
    }

    @Override
    public List<OpenTrade> openTrades() {
        return db.read("list open trades", TradeStore::open);
    }

    @Override
    public void saveClosedTrade(ClosedTrade trade) {
        Objects.requireNonNull(trade, "trade");
        db.update("save closed trade " + trade.tradeId(), c -> TradeStore.saveClosed(c, trade));
    }

    @Override
    public Optional<ClosedTrade> findClosedTrade(String tradeId) {
        Objects.requireNonNull(tradeId, "tradeId");
        return db.read("read closed trade " + tradeId, c -> TradeStore.findClosed(c, tradeId));
    }

    @Override
    public List<ClosedTrade> closedTrades(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the range ends (" + to + ") before it starts (" + from + ")");
        }
        return db.read("list closed trades", c -> TradeStore.closedBetween(c, from, to));
    }

    @Override
    public void close() {
        db.close();
    }

    private static void requirePositive(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
    }
}
