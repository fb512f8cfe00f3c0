package tech.brokerbridge.core.internal.trades;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.ports.broker.CloseOrder;
import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.journal.ClosedTrade;
import tech.brokerbridge.ports.journal.ClosedTrade.ExitReason;
import tech.brokerbridge.ports.journal.FillRecord;
import tech.brokerbridge.ports.journal.OpenTrade;
import tech.brokerbridge.ports.journal.OrderRecord;
import tech.brokerbridge.ports.journal.Proposal;
import tech.brokerbridge.ports.journal.ProposalLog;
import tech.brokerbridge.ports.journal.TradeAction;
import tech.brokerbridge.ports.journal.TradeActionLog;
import tech.brokerbridge.ports.journal.TradeLog;

/**
 * Keeps the record of a desk trade in step with its fills: an open trade once the entry filled (what
 * the fills cannot say later: setup, advisor, initial stop), and a closed trade when the shares that
 * went out reach the shares that came in, whatever took them out (stop, target, closes, a re-armed
 * stop). A commission reported after the close replaces the closed trade with the corrected one.
 * The caller holds the trade's lock.
 */
public final class TradeRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(TradeRecorder.class);
    private final TradeOrders tradeOrders;
    private final TradeActionLog actions;
    private final TradeLog trades;
    private final ProposalLog proposals;
    private final Supplier<String> advisor;
    private final TradeEvents events;
    private final Clock clock;

    public TradeRecorder(TradeOrders tradeOrders, TradeActionLog actions, TradeLog trades, ProposalLog proposals,
            Supplier<String> advisor, TradeEvents events, Clock clock) {
        this.tradeOrders = Objects.requireNonNull(tradeOrders, "tradeOrders");
        this.actions = Objects.requireNonNull(actions, "actions");
        this.trades = Objects.requireNonNull(trades, "trades");
        this.proposals = Objects.requireNonNull(proposals, "proposals");
        this.advisor = Objects.requireNonNull(advisor, "advisor");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * After a fill or a commission of the trade of {@code record} was recorded: records the trade as
     * opened or closed. Returns true when the trade is flat.
     */
    public boolean update(OrderRecord record) {
        String ref = record.orderRef();
        TradeFills fills = tradeOrders.fills(ref);
        if (fills.entered() == 0) {
            return false;
        }
        Optional<Proposal> proposal = proposals.findProposal(ref);
        Optional<ClosedTrade> closed = trades.findClosedTrade(ref);
        if (!fills.flat()) {
            if (closed.isEmpty() && record.state().open()) {
                open(record, proposal, fills);
            }
            return false;
        }
        OpenTrade opened = trades.openTrades().stream().filter(t -> t.tradeId().equals(ref)).findFirst()
                .orElseGet(() -> opening(record, proposal, fills));
        ClosedTrade trade = closedTrade(record, opened, fills);
        if (closed.isEmpty() || !closed.get().equals(trade)) {
            trades.saveClosedTrade(trade);
            LOG.info("trade {} closed: {} {} shares, {} at {}, realized {}", ref, record.symbol(), trade.quantity(),
                    trade.exitReason().wire(), trade.exitPrice(), trade.realizedPnl());
            if (closed.isEmpty()) {
                events.closed(trade);
            }
        }
        return true;
    }

    private void open(OrderRecord record, Optional<Proposal> proposal, TradeFills fills) {
        OpenTrade t = opening(record, proposal, fills);
        Optional<OpenTrade> known = trades.openTrades().stream().filter(o -> o.tradeId().equals(t.tradeId()))
                .findFirst();
        if (known.isPresent() && known.get().quantity() == t.quantity() && known.get().entryPrice() == t.entryPrice()) {
            return;
        }
        // the advisor of a trade already opened stays the one it was opened under
        OpenTrade saved = known.map(k -> new OpenTrade(t.tradeId(), t.proposalId(), t.symbol(), t.direction(),
                t.setupType(), k.advisor(), t.quantity(), t.entryPrice(), t.initialStop(), t.openedAt())).orElse(t);
        trades.saveOpenTrade(saved);
    }

    private OpenTrade opening(OrderRecord record, Optional<Proposal> proposal, TradeFills fills) {
        double initialStop = proposal.map(Proposal::stopPrice).orElse(record.stopPrice());
        String setup = proposal.map(Proposal::setupType).orElse("unknown");
        return new OpenTrade(record.orderRef(), proposal.map(Proposal::proposalId), record.symbol(),
                record.direction(), setup, advisor.get(), fills.entered(), fills.entryPrice(), initialStop,
                fills.firstEntry().orElse(record.createdAt()));
    }

    private ClosedTrade closedTrade(OrderRecord record, OpenTrade opened, TradeFills fills) {
        FillRecord last = fills.lastExit().orElseThrow();
        long q = fills.entered();
        double risk = q * Math.abs(fills.entryPrice() - opened.initialStop());
        Instant entered = fills.firstEntry().orElse(opened.openedAt());
        // fill times are the desk's clock when it heard of them; one heard late (replayed after a restart
        // on a clock set back) still cannot make the trade end before it began
        Instant exited = last.time().isBefore(entered) ? entered : last.time();
        return new ClosedTrade(record.orderRef(), opened.proposalId(), record.symbol(), record.direction(),
                opened.setupType(), opened.advisor(), q, entered, fills.entryPrice(), exited, fills.exitPrice(),
                fills.grossPnl(record.direction().sign()), fills.commissions(), risk, reason(last));
    }

    /** What took the last shares out: the leg, and for a closing order the action that sent it. */
    private ExitReason reason(FillRecord last) {
        if (last.leg() == OrderLeg.TAKE_PROFIT) {
            return ExitReason.TARGET;
        }
        if (last.leg() != OrderLeg.CLOSE || !CloseOrder.isCloseRef(last.orderRef())) {
            return last.leg() == OrderLeg.CLOSE ? ExitReason.CLOSE : ExitReason.STOP;
        }
        return actions.actionByPlacedRef(last.orderRef()).map(TradeAction::kind)
                .filter(k -> k == TradeAction.Kind.FLATTEN).map(k -> ExitReason.FLATTEN).orElse(ExitReason.CLOSE);
    }
}
