package tech.brokerbridge.core.internal.approval;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.core.internal.account.AccountInterlock;
import tech.brokerbridge.core.internal.execution.BracketSubmitter;
import tech.brokerbridge.core.internal.market.MarketPrices;
import tech.brokerbridge.core.internal.market.PriceGuard;
import tech.brokerbridge.core.internal.market.PriceReference;
import tech.brokerbridge.core.internal.proposals.CoolDowns;
import tech.brokerbridge.core.internal.proposals.ProposalBook;
import tech.brokerbridge.core.internal.proposals.ProposalTransitions;
import tech.brokerbridge.core.internal.risk.DailyLossBreaker;
import tech.brokerbridge.core.internal.risk.KillSwitch;
import tech.brokerbridge.core.internal.risk.RiskContext;
import tech.brokerbridge.core.internal.risk.RiskContextLoader;
import tech.brokerbridge.core.internal.risk.RiskGates;
import tech.brokerbridge.core.internal.risk.TradePlan;
import tech.brokerbridge.ports.desk.ActionResult;
import tech.brokerbridge.ports.desk.Actor;
import tech.brokerbridge.ports.desk.Modification;
import tech.brokerbridge.ports.journal.ApprovalRecord;
import tech.brokerbridge.ports.journal.ApprovedTrade;
import tech.brokerbridge.ports.journal.CoolDown;
import tech.brokerbridge.ports.journal.GateResult;
import tech.brokerbridge.ports.journal.Proposal;
import tech.brokerbridge.ports.journal.ProposalLog;
import tech.brokerbridge.ports.journal.ProposalStatus;
import tech.brokerbridge.ports.market.Instrument;
import tech.brokerbridge.ports.market.MarketSession;

/**
 * The user's approve and reject.
 *
 * <p>Approve: refused while the kill switch is engaged, and while the broker's account is not one the
 * desk may trade ({@link AccountInterlock}: 409 {@code account_mode_mismatch} or
 * {@code account_not_selected}); only a pending proposal can be approved. Every price and the quantity
 * of the trade as it will be sent pass the {@link PriceGuard} against the symbol's last price (delayed
 * if need be; the proposal's entry when no price can be had), or the approval is refused naming the
 * field ({@link ActionResult.Invalid}). Outside the regular session the bracket is sent at once and
 * waits at the broker for the open; the {@code executing} status says "waiting for the market to open".
 * The five gates run again on the trade as it will be sent (modified or not: the portfolio may have
 * changed since the proposal was made); any failure returns {@link ActionResult.GatesFailed} and
 * leaves the proposal pending and unchanged (a failed daily-loss gate also engages the kill switch).
 * Then the proposal (approved, then executing), the approval record and the {@code SUBMITTING} order
 * record are saved in one durable journal write, and the bracket is sent once.
 *
 * <p>Reject: only a pending proposal; the proposal (rejected, with the approval record) is saved, then
 * its symbol, direction and setup type cool down ({@link CoolDowns}).
 *
 * <p>Threading: the proposal's lock is held for the whole approval; gate checks and the admission
 * of the trade are also serialized across proposals (an admission lock), so two approvals can never
 * both pass a limit only one of them fits: an admitted trade counts as active in the gates of every
 * approval after it until its write is in the journal. The write and the broker call happen outside
 * the admission lock, so approvals arriving together share one journal commit (group commit).
 */
public final class ApprovalService {
    private static final Logger LOG = LoggerFactory.getLogger(ApprovalService.class);
    private final ProposalLog proposals;
    private final ProposalBook book;
    private final RiskContextLoader contexts;
    private final RiskGates gates;
    private final KillSwitch killSwitch;
    private final DailyLossBreaker dailyLoss;
    private final BracketSubmitter submitter;
    private final CoolDowns coolDowns;
    private final AccountInterlock interlock;
    private final MarketPrices prices;
    private final PriceGuard guard;
    private final ReentrantLock admission = new ReentrantLock();
    private final Map<String, Proposal> admitted = new ConcurrentHashMap<>();

    /** The checks an approval passes besides the gates: the account, and the prices. */
    public record Checks(AccountInterlock interlock, MarketPrices prices, PriceGuard guard) {
        public Checks {
            Objects.requireNonNull(interlock, "interlock");
            Objects.requireNonNull(prices, "prices");
            Objects.requireNonNull(guard, "guard");
        }
    }

    public ApprovalService(ProposalLog proposals, ProposalBook book, RiskContextLoader contexts, RiskGates gates,
            KillSwitch killSwitch, DailyLossBreaker dailyLoss, BracketSubmitter submitter, CoolDowns coolDowns,
            Checks checks) {
        this.interlock = checks.interlock();
        this.prices = checks.prices();
        this.guard = checks.guard();
        this.proposals = Objects.requireNonNull(proposals, "proposals");
        this.book = Objects.requireNonNull(book, "book");
        this.contexts = Objects.requireNonNull(contexts, "contexts");
        this.gates = Objects.requireNonNull(gates, "gates");
        this.killSwitch = Objects.requireNonNull(killSwitch, "killSwitch");
        this.dailyLoss = Objects.requireNonNull(dailyLoss, "dailyLoss");
        this.submitter = Objects.requireNonNull(submitter, "submitter");
        this.coolDowns = Objects.requireNonNull(coolDowns, "coolDowns");
    }

    public ActionResult approve(String proposalId, Modification modification, Actor actor) {
        Objects.requireNonNull(modification, "modification");
        Objects.requireNonNull(actor, "actor");
        if (killSwitch.engaged()) {
            return new ActionResult.Conflict(killSwitch.refusal());
        }
        Optional<ActionResult.Conflict> wrongAccount = interlock.refusal();
        if (wrongAccount.isPresent()) {
            return wrongAccount.get();
        }
        Optional<ActionResult.Invalid> invalid = validate(modification);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        return book.locks().withLock(proposalId, () -> approveLocked(proposalId, modification, actor));
    }

    private ActionResult approveLocked(String id, Modification mod, Actor actor) {
        Optional<Proposal> found = book.find(id);
        if (found.isEmpty()) {
            return new ActionResult.NotFound(id);
        }
        Proposal p = found.get();
        Optional<String> refusal = ProposalTransitions.refusal(p, ProposalStatus.APPROVED);
        if (refusal.isPresent()) {
            return new ActionResult.Conflict(refusal.get());
        }
        long qty = mod.quantity().orElse(p.quantity());
        double stop = mod.stopPrice().orElse(p.stopPrice());
        double target = mod.targetPrice().orElse(p.targetPrice());
        Optional<Instrument> instrument = prices.instrument(p.symbol());
        PriceReference ref = prices.referenceOr(p.symbol(), p.entryPrice(), "the proposal's entry", instrument);
        ApprovedTrade trade;
        admission.lock();
        try {
            if (killSwitch.engaged()) {
                return new ActionResult.Conflict(killSwitch.refusal());
            }
            RiskContext ctx = contexts.load();
            List<PriceGuard.Violation> bad = guard.bracket(p.entryPrice(), stop, target, qty, ref, ctx.buyingPower());
            if (!bad.isEmpty()) {
                return new ActionResult.Invalid(bad.get(0).field(), String.join("; ",
                        bad.stream().map(PriceGuard.Violation::reason).toList()));
            }
            TradePlan plan = new TradePlan(p.symbol(), p.direction(), p.entryPrice(), stop, target, qty,
                    Optional.of(id));
            List<GateResult> results = gates.evaluate(plan, ctx.withAdmitted(admitted.values()));
            if (!RiskGates.allPassed(results)) {
                engageOnDailyLoss(results);
                return new ActionResult.GatesFailed(results);
            }
            String why = mod.isEmpty() ? "approved by the user" : "approved with modifications by the user";
            Proposal approved = p.withTrade(qty, stop, target, results).withStatus(ProposalStatus.APPROVED,
                    book.now(), why);
            trade = submitter.intent(approved, approvalRecord(p, mod, mod.isEmpty()
                    ? ApprovalRecord.Action.APPROVE : ApprovalRecord.Action.MODIFY, "", actor),
                    waitingNote(instrument));
            admitted.put(id, trade.proposal());
        } finally {
            admission.unlock();
        }
        // written outside the admission lock, so that approvals arriving together share one journal
        // commit; until it is written, the gates of other approvals count it through 'admitted'
        try {
            submitter.record(trade);
        } finally {
            admitted.remove(id);
        }
        return new ActionResult.Done(submitter.submit(trade.proposal()));
    }

    /** "waiting for the market to open" outside the regular session (as the broker's source tells it). */
    private static Optional<String> waitingNote(Optional<Instrument> instrument) {
        return instrument.map(Instrument::session).filter(MarketSession.Closed.class::isInstance)
                .map(s -> "waiting for the market to open (regular session opens "
                        + ((MarketSession.Closed) s).opens() + ")");
    }

    private void engageOnDailyLoss(List<GateResult> results) {
        try {
            dailyLoss.trip(results);
        } catch (RuntimeException e) { // the approval is refused either way; the refusal must reach the user
            LOG.error("kill switch could not be fully engaged: {}", e.getMessage());
        }
    }

    public ActionResult reject(String proposalId, Optional<String> reason, Actor actor) {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(actor, "actor");
        String text = reason.map(String::strip).orElse("");
        return book.locks().withLock(proposalId, () -> {
            Optional<Proposal> found = book.find(proposalId);
            if (found.isEmpty()) {
                return new ActionResult.NotFound(proposalId);
            }
            Proposal p = found.get();
            Optional<String> refusal = ProposalTransitions.refusal(p, ProposalStatus.REJECTED);
            if (refusal.isPresent()) {
                return new ActionResult.Conflict(refusal.get());
            }
            Proposal rejected = p.withStatus(ProposalStatus.REJECTED, book.now(),
                    text.isEmpty() ? "rejected by the user" : "rejected by the user: " + text);
            proposals.saveProposalWithApproval(rejected,
                    approvalRecord(p, Modification.none(), ApprovalRecord.Action.REJECT, text, actor));
            coolDowns.start(rejected, CoolDown.Cause.REJECTED);
            return new ActionResult.Done(rejected);
        });
    }

    private ApprovalRecord approvalRecord(Proposal original, Modification mod, ApprovalRecord.Action action,
            String reason, Actor actor) {
        return new ApprovalRecord(book.now(), original.proposalId(), original.symbol(), action, original.quantity(),
                original.stopPrice(), original.targetPrice(), mod.quantity(), mod.stopPrice(), mod.targetPrice(),
                reason, actor.channel(), actor.id());
    }

    /** Checks the modification's own values; the gates judge the trade they make. */
    static Optional<ActionResult.Invalid> validate(Modification mod) {
        OptionalLong q = mod.quantity();
        if (q.isPresent() && q.getAsLong() <= 0) {
            return Optional.of(new ActionResult.Invalid("quantity", "must be a positive whole number of shares"));
        }
        Optional<ActionResult.Invalid> stop = price("stop_price", mod.stopPrice());
        return stop.isPresent() ? stop : price("target_price", mod.targetPrice());
    }

    private static Optional<ActionResult.Invalid> price(String field, OptionalDouble v) {
        if (v.isPresent() && !(v.getAsDouble() > 0 && Double.isFinite(v.getAsDouble()))) {
            return Optional.of(new ActionResult.Invalid(field, "must be a positive price"));
        }
        return Optional.empty();
    }
}
