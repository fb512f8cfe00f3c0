package tech.brokerbridge.core.internal.risk;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import tech.brokerbridge.core.DeskConfig.RiskLimits;
import tech.brokerbridge.ports.broker.AccountSnapshot;
import tech.brokerbridge.ports.broker.Broker;
import tech.brokerbridge.ports.broker.Position;
import tech.brokerbridge.ports.journal.ClosedTrade;
import tech.brokerbridge.ports.journal.Proposal;
import tech.brokerbridge.ports.journal.ProposalLog;
import tech.brokerbridge.ports.journal.ProposalStatus;
import tech.brokerbridge.ports.journal.TradeLog;

/**
 * Reads a {@link RiskContext} from the broker (account, positions, open orders) and the journal
 * (the trades of pending and active proposals, today's closed trades). Blocks on both; throws their port exceptions.
 *
 * <p>Today's P&amp;L, which the daily-loss gate judges, is the worse of the broker's daily figure and
 * the desk's own records: the realized P&amp;L of the trades closed today (UTC, after commissions, as
 * the closed-trade summary counts them) plus the unrealized P&amp;L of the open positions. So a loss
 * the desk recorded counts even while the broker's figure lags, and one the broker knows of (a
 * position the desk did not open) counts too.
 */
public final class RiskContextLoader {
    private final Broker broker;
    private final ProposalLog proposals;
    private final TradeLog trades;
    private final Clock clock;
    private volatile RiskLimits limits;

    public RiskContextLoader(Broker broker, ProposalLog proposals, TradeLog trades, Clock clock, RiskLimits limits) {
        this.broker = Objects.requireNonNull(broker, "broker");
        this.proposals = Objects.requireNonNull(proposals, "proposals");
        this.trades = Objects.requireNonNull(trades, "trades");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public RiskContext load() {
        AccountSnapshot account = broker.account();
        var positions = broker.positions();
        var openOrders = broker.openOrders();
        List<Proposal> live = proposals.tradesWithStatus(
                EnumSet.of(ProposalStatus.PENDING, ProposalStatus.APPROVED, ProposalStatus.EXECUTING));
        List<Proposal> pending = live.stream().filter(p -> p.status() == ProposalStatus.PENDING).toList();
        List<Proposal> active = live.stream().filter(p -> p.status() != ProposalStatus.PENDING).toList();
        return new RiskContext(account.netLiquidation(), Math.min(account.dailyPnl(), recordedToday(positions)),
                positions, openOrders, active, pending, limits, account.buyingPower());
    }

    /** Realized today by the closed trades, plus the positions' unrealized P&L. */
    private double recordedToday(List<Position> positions) {
        Instant now = clock.instant();
        Instant dayStart = LocalDate.ofInstant(now, ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
        double realized = trades.closedTrades(dayStart, now.plusNanos(1)).stream()
                .mapToDouble(ClosedTrade::realizedPnl).sum();
        return realized + positions.stream().mapToDouble(Position::unrealizedPnl).sum();
    }

    public RiskLimits limits() {
        return limits;
    }

    /** Replaces the limits; contexts loaded from now on carry them. */
    public void limits(RiskLimits next) {
        this.limits = Objects.requireNonNull(next, "limits");
    }
}
