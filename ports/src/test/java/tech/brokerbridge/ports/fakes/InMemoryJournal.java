package tech.brokerbridge.ports.fakes;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Stream;
import tech.brokerbridge.ports.advisor.AiExchange;
import tech.brokerbridge.ports.journal.NotificationExchange;
import tech.brokerbridge.ports.journal.ApprovalRecord;
import tech.brokerbridge.ports.journal.ApprovedTrade;
import tech.brokerbridge.ports.journal.ClosedTrade;
import tech.brokerbridge.ports.journal.CoolDown;
import tech.brokerbridge.ports.journal.DecisionRecord;
import tech.brokerbridge.ports.journal.FillRecord;
import tech.brokerbridge.ports.journal.Journal;
import tech.brokerbridge.ports.journal.JournalException;
import tech.brokerbridge.ports.journal.KillSwitchState;
import tech.brokerbridge.ports.journal.LicenseRecord;
import tech.brokerbridge.ports.journal.OpenTrade;
import tech.brokerbridge.ports.journal.OrderRecord;
import tech.brokerbridge.ports.journal.Proposal;
import tech.brokerbridge.ports.journal.ProposalPage;
import tech.brokerbridge.ports.journal.ProposalQuery;
import tech.brokerbridge.ports.journal.ProposalStatus;
import tech.brokerbridge.ports.journal.TradeAction;
import tech.brokerbridge.ports.market.Direction;

/**
 * A {@link Journal} in memory, for tests of the core. Thread-safe (every method is synchronized);
 * keeps nothing beyond the object, so one instance shared by two desks plays a journal that survives
 * a restart. Passes the contract of every journal role ({@code tech.brokerbridge.ports.tck}: {@link
 * tech.brokerbridge.ports.tck.ProposalLogContract} and the others).
 *
 * <p>Test helpers: {@link #writes()}, a log of the writes in the order they happened (to check that,
 * say, the AI exchange is audited before the decision that used it), and {@link #failWrites(boolean)}
 * (a journal whose disk is full).
 */
public final class InMemoryJournal implements Journal {
    private static final Comparator<Proposal> OLDEST_FIRST =
            Comparator.comparing(Proposal::createdAt).thenComparing(Proposal::proposalId);

    private final Map<String, Proposal> proposals = new HashMap<>();
    private final Map<String, DecisionRecord> decisions = new LinkedHashMap<>();
    private final List<ApprovalRecord> approvals = new ArrayList<>();
    private final Map<String, OrderRecord> orders = new HashMap<>();
    private final Map<String, FillRecord> fills = new LinkedHashMap<>();
    private final List<AiExchange> audit = new ArrayList<>();
    private final List<NotificationExchange> notifications = new ArrayList<>();
    private final List<CoolDown> coolDowns = new ArrayList<>();
    private final InMemoryTrades trades = new InMemoryTrades();
    private KillSwitchState killSwitch;
    private LicenseRecord license;
    private final List<String> writes = new ArrayList<>();
    private boolean failWrites;

    /**
     * Every write that succeeded so far, oldest first, one line each: {@code "proposal <id> <status>"},
     * {@code "proposal+approval <id> <status> <action>"}, {@code "decision <outcome>"},
     * {@code "order <ref> <state>"}, {@code "order_progress <ref> <state>"}, {@code "fill <execution id>"} (only a new execution),
     * {@code "approved_trade <id>"}, {@code "ai_exchange"}, {@code "kill_switch engaged|released"},
     * {@code "license"}, {@code "cool_down <symbol> <direction> <setup type> <cause>"},
     * {@code "commission <execution id>"}, {@code "action <id> <kind> <state>"} (a new one, with its
     * approvals), {@code "action_state <id> <state>"}, {@code "open_trade <id>"} and
     * {@code "closed_trade <id>"} (statuses,
     * states, actions, directions and causes as their {@code wire()} names). A write refused by
     * {@link #failWrites} is not in the log.
     */
    public synchronized List<String> writes() {
        return List.copyOf(writes);
    }

    /**
     * While {@code fail} is true every write throws a non-retryable {@link JournalException} (as a
     * full disk does) and changes nothing; reads go on answering, and a fill whose execution id is
     * known is still answered {@code false} (it writes nothing).
     */
    public synchronized void failWrites(boolean fail) {
        this.failWrites = fail;
    }

    /** Refuses the write while writes fail; otherwise logs it. Called once a write is known to succeed. */
    private void write(String what) {
        if (failWrites) {
            throw new JournalException("cannot write the journal: disk full (InMemoryJournal.failWrites)", false,
                    null);
        }
        writes.add(what);
    }

    @Override
    public synchronized void saveProposal(Proposal proposal) {
        Objects.requireNonNull(proposal, "proposal");
        write("proposal " + proposal.proposalId() + " " + proposal.status().wire());
        proposals.put(proposal.proposalId(), proposal);
    }

    @Override
    public synchronized void saveProposalWithApproval(Proposal proposal, ApprovalRecord approval) {
        Objects.requireNonNull(approval, "approval");
        if (!proposal.proposalId().equals(approval.proposalId())) {
            throw new IllegalArgumentException("approval is for " + approval.proposalId() + ", not for proposal "
                    + proposal.proposalId());
        }
        write("proposal+approval " + proposal.proposalId() + " " + proposal.status().wire() + " "
                + approval.action().wire());
        proposals.put(proposal.proposalId(), proposal);
        approvals.add(approval);
    }

    @Override
    public synchronized void saveApprovedTrade(ApprovedTrade trade) {
        Objects.requireNonNull(trade, "trade");
        String id = trade.proposal().proposalId();
        if (orders.containsKey(id)) {
            throw new IllegalStateException("an order record already exists for " + id);
        }
        write("approved_trade " + id);
        proposals.put(id, trade.proposal());
        approvals.add(trade.approval());
        orders.put(id, trade.intent());
    }

    @Override
    public synchronized Optional<Proposal> findProposal(String proposalId) {
        return Optional.ofNullable(proposals.get(Objects.requireNonNull(proposalId, "proposalId")));
    }

    @Override
    public synchronized ProposalPage proposals(ProposalQuery query) {
        Stream<Proposal> s = proposals.values().stream().sorted(OLDEST_FIRST.reversed());
        if (query.status().isPresent()) {
            s = s.filter(p -> p.status() == query.status().get());
        }
        if (query.date().isPresent()) {
            s = s.filter(p -> p.createdAt().atOffset(ZoneOffset.UTC).toLocalDate().equals(query.date().get()));
        }
        if (query.cursor().isPresent()) {
            Proposal after = decode(query.cursor().get());
            s = s.filter(p -> OLDEST_FIRST.compare(p, after) < 0);
        }
        List<Proposal> rows = s.limit(query.limit() + 1L).toList();
        if (rows.size() <= query.limit()) {
            return new ProposalPage(rows, Optional.empty());
        }
        Proposal last = rows.get(query.limit() - 1);
        return new ProposalPage(rows.subList(0, query.limit()), Optional.of(encode(last)));
    }

    @Override
    public synchronized List<Proposal> proposalsWithStatus(Collection<ProposalStatus> statuses) {
        return proposals.values().stream().filter(p -> statuses.contains(p.status())).sorted(OLDEST_FIRST).toList();
    }

    @Override
    public synchronized void recordDecision(DecisionRecord decision) {
        write("decision " + decision.outcome());
        decisions.put(decision.decisionId(), decision);
    }

    @Override
    public synchronized List<DecisionRecord> decisions(Instant from, Instant to) {
        return decisions.values().stream()
                .filter(d -> !d.time().isBefore(from) && d.time().isBefore(to))
                .sorted(Comparator.comparing(DecisionRecord::time)) // stable: ties stay as first recorded
                .toList();
    }

    @Override
    public synchronized List<ApprovalRecord> approvals() {
        return approvals.stream().sorted(Comparator.comparing(ApprovalRecord::time)).toList();
    }

    @Override
    public synchronized void saveOrder(OrderRecord order) {
        write("order " + order.orderRef() + " " + order.state().wire());
        orders.put(order.orderRef(), order);
    }

    @Override
    public synchronized void saveOrderProgress(OrderRecord order) {
        write("order_progress " + order.orderRef() + " " + order.state().wire());
        orders.put(order.orderRef(), order);
    }

    @Override
    public synchronized Optional<OrderRecord> findOrder(String orderRef) {
        return Optional.ofNullable(orders.get(Objects.requireNonNull(orderRef, "orderRef")));
    }

    @Override
    public synchronized List<OrderRecord> orders(int limit) {
        requirePositive(limit);
        return orders.values().stream()
                .sorted(Comparator.comparing(OrderRecord::createdAt).thenComparing(OrderRecord::orderRef).reversed())
                .limit(limit).toList();
    }

    @Override
    public synchronized boolean recordFill(FillRecord fill) {
        if (fills.containsKey(fill.executionId())) {
            return false;
        }
        write("fill " + fill.executionId());
        fills.put(fill.executionId(), fill);
        return true;
    }

    @Override
    public synchronized boolean recordCommission(String executionId, double commission) {
        FillRecord f = fills.get(Objects.requireNonNull(executionId, "executionId"));
        if (f == null) {
            return false;
        }
        write("commission " + executionId);
        fills.put(executionId, new FillRecord(f.executionId(), f.orderRef(), f.leg(), f.symbol(), f.quantity(),
                f.price(), f.time(), OptionalDouble.of(commission)));
        return true;
    }

    @Override
    public synchronized List<FillRecord> fills(String orderRef) {
        return fills.values().stream().filter(f -> f.orderRef().equals(orderRef))
                .sorted(Comparator.comparing(FillRecord::time)).toList();
    }

    @Override
    public synchronized void recordAiExchange(AiExchange exchange) {
        Objects.requireNonNull(exchange, "exchange");
        write("ai_exchange");
        audit.add(exchange);
    }

    @Override
    public synchronized List<AiExchange> aiAudit(int limit) {
        return newestFirst(audit, AiExchange::time, limit);
    }

    @Override
    public synchronized void recordNotification(NotificationExchange exchange) {
        Objects.requireNonNull(exchange, "exchange");
        write("notification");
        notifications.add(exchange);
    }

    @Override
    public synchronized List<NotificationExchange> notificationAudit(int limit) {
        return newestFirst(notifications, NotificationExchange::time, limit);
    }

    @Override
    public synchronized Optional<KillSwitchState> killSwitch() {
        return Optional.ofNullable(killSwitch);
    }

    @Override
    public synchronized void saveKillSwitch(KillSwitchState state) {
        Objects.requireNonNull(state, "state");
        write("kill_switch " + (state instanceof KillSwitchState.Engaged ? "engaged" : "released"));
        killSwitch = state;
    }

    @Override
    public synchronized Optional<LicenseRecord> license() {
        return Optional.ofNullable(license);
    }

    @Override
    public synchronized void saveLicense(LicenseRecord record) {
        Objects.requireNonNull(record, "record");
        write("license");
        license = record;
    }

    @Override
    public synchronized void startCoolDown(CoolDown coolDown) {
        Objects.requireNonNull(coolDown, "coolDown");
        write("cool_down " + coolDown.symbol() + " " + coolDown.direction().wire() + " " + coolDown.setupType() + " "
                + coolDown.cause().wire());
        coolDowns.removeIf(c -> c.sameSetupAs(coolDown));
        coolDowns.add(coolDown);
    }

    @Override
    public synchronized List<CoolDown> activeCoolDowns(Instant now) {
        Objects.requireNonNull(now, "now");
        return coolDowns.stream().filter(c -> now.isBefore(c.until())).sorted(Comparator.comparing(CoolDown::at))
                .toList();
    }

    @Override
    public synchronized void beginAction(TradeAction action, List<ApprovalRecord> lines) {
        Objects.requireNonNull(action, "action");
        List<ApprovalRecord> copy = List.copyOf(lines);
        Optional<String> refusal = trades.refusal(action);
        if (refusal.isPresent()) {
            throw new IllegalStateException(refusal.get());
        }
        write("action " + action.actionId() + " " + action.kind().wire() + " " + action.state().wire());
        trades.put(action);
        approvals.addAll(copy);
    }

    @Override
    public synchronized void saveAction(TradeAction action) {
        Objects.requireNonNull(action, "action");
        write("action_state " + action.actionId() + " " + action.state().wire());
        trades.put(action);
    }

    @Override
    public synchronized Optional<TradeAction> findAction(String actionId) {
        return trades.find(Objects.requireNonNull(actionId, "actionId"));
    }

    @Override
    public synchronized Optional<TradeAction> actionByKey(String idempotencyKey) {
        return trades.actionByKey(Objects.requireNonNull(idempotencyKey, "idempotencyKey"));
    }

    @Override
    public synchronized Optional<TradeAction> actionByPlacedRef(String placedRef) {
        return trades.actionByPlacedRef(Objects.requireNonNull(placedRef, "placedRef"));
    }

    @Override
    public synchronized List<TradeAction> actionsWithState(Collection<TradeAction.State> states) {
        return trades.withState(states);
    }

    @Override
    public synchronized List<TradeAction> actionsOf(String orderRef) {
        return trades.of(Objects.requireNonNull(orderRef, "orderRef"));
    }

    @Override
    public synchronized void saveOpenTrade(OpenTrade trade) {
        Objects.requireNonNull(trade, "trade");
        write("open_trade " + trade.tradeId());
        trades.saveOpen(trade);
    }

    @Override
    public synchronized List<OpenTrade> openTrades() {
        return trades.open();
    }

    @Override
    public synchronized void saveClosedTrade(ClosedTrade trade) {
        Objects.requireNonNull(trade, "trade");
        write("closed_trade " + trade.tradeId());
        trades.saveClosed(trade);
    }

    @Override
    public synchronized Optional<ClosedTrade> findClosedTrade(String tradeId) {
        return trades.findClosed(Objects.requireNonNull(tradeId, "tradeId"));
    }

    @Override
    public synchronized List<ClosedTrade> closedTrades(Instant from, Instant to) {
        return trades.closed(Objects.requireNonNull(from, "from"), Objects.requireNonNull(to, "to"));
    }

    /** Newest first by time; among equal times the one recorded last comes first (the audit ports' order). */
    private static <T> List<T> newestFirst(List<T> recorded, Function<T, Instant> time, int limit) {
        requirePositive(limit);
        List<T> newestRecordedFirst = new ArrayList<>(recorded);
        Collections.reverse(newestRecordedFirst);
        return newestRecordedFirst.stream().sorted(Comparator.comparing(time).reversed()).limit(limit).toList();
    }

    private static void requirePositive(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
    }

    // the cursor is base64url of "<epoch second>|<nano>|<proposal id>": the keyset position to continue after
    private static String encode(Proposal last) {
        String raw = last.createdAt().getEpochSecond() + "|" + last.createdAt().getNano() + "|" + last.proposalId();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** A stand-in proposal that carries just the cursor's position, for comparison. */
    private static Proposal decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 3);
            if (parts.length != 3 || parts[2].isEmpty()) {
                throw new IllegalArgumentException("wrong shape");
            }
            Instant createdAt = Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
            return new Proposal(parts[2], "", Direction.LONG, "", 0, 0, 0, 0, 0, 0, "",
                    List.of(), createdAt, createdAt, ProposalStatus.PENDING, List.of());
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new IllegalArgumentException("invalid proposals cursor '" + cursor
                    + "': pass the nextCursor of a previous page unchanged", e);
        }
    }
}
