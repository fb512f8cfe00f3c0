package tech.brokerbridge.core.internal.risk;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import tech.brokerbridge.core.DeskConfig.RiskLimits;
import tech.brokerbridge.ports.broker.AccountSnapshot;
import tech.brokerbridge.ports.broker.Broker;
import tech.brokerbridge.ports.journal.Proposal;
import tech.brokerbridge.ports.journal.ProposalLog;
import tech.brokerbridge.ports.journal.ProposalStatus;

/**
 * Reads a {@link RiskContext} from the broker (account, positions, open orders) and the journal
 * (pending and active proposals). Blocks on both; throws their port exceptions.
 */
public final class RiskContextLoader {
    private final Broker broker;
    private final ProposalLog proposals;
    private volatile RiskLimits limits;

    public RiskContextLoader(Broker broker, ProposalLog proposals, RiskLimits limits) {
        this.broker = Objects.requireNonNull(broker, "broker");
        this.proposals = Objects.requireNonNull(proposals, "proposals");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public RiskContext load() {
        AccountSnapshot account = broker.account();
        var positions = broker.positions();
        var openOrders = broker.openOrders();
        List<Proposal> live = proposals.proposalsWithStatus(
                EnumSet.of(ProposalStatus.PENDING, ProposalStatus.APPROVED, ProposalStatus.EXECUTING));
        List<Proposal> pending = live.stream().filter(p -> p.status() == ProposalStatus.PENDING).toList();
        List<Proposal> active = live.stream().filter(p -> p.status() != ProposalStatus.PENDING).toList();
        return new RiskContext(account.netLiquidation(), account.dailyPnl(), positions, openOrders, active, pending,
                limits, account.buyingPower());
    }

    public RiskLimits limits() {
        return limits;
    }

    /** Replaces the limits; contexts loaded from now on carry them. */
    public void limits(RiskLimits next) {
        this.limits = Objects.requireNonNull(next, "limits");
    }
}
