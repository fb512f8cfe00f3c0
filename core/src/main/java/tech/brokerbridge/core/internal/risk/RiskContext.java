package tech.brokerbridge.core.internal.risk;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import tech.brokerbridge.core.DeskConfig.RiskLimits;
import tech.brokerbridge.ports.broker.OrderView;
import tech.brokerbridge.ports.broker.Position;
import tech.brokerbridge.ports.journal.Proposal;

/**
 * Everything the gates look at, read once: the account's net liquidation and today's P&amp;L, the
 * positions, the broker's open order legs, the desk's active trades (proposals {@code approved} or
 * {@code executing}), its pending proposals, the limits, and the account's buying power (what a
 * quantity must fit). Immutable: the gates are pure functions of it.
 */
public record RiskContext(double netLiquidation, double dailyPnl, List<Position> positions, List<OrderView> openOrders,
        List<Proposal> activeTrades, List<Proposal> pendingProposals, RiskLimits limits, double buyingPower) {
    public RiskContext {
        positions = List.copyOf(positions);
        openOrders = List.copyOf(openOrders);
        activeTrades = List.copyOf(activeTrades);
        pendingProposals = List.copyOf(pendingProposals);
        Objects.requireNonNull(limits, "limits");
    }

    /** With a buying power of twice the net liquidation (Reg T). */
    public RiskContext(double netLiquidation, double dailyPnl, List<Position> positions, List<OrderView> openOrders,
            List<Proposal> activeTrades, List<Proposal> pendingProposals, RiskLimits limits) {
        this(netLiquidation, dailyPnl, positions, openOrders, activeTrades, pendingProposals, limits,
                2 * netLiquidation);
    }

    /** This context with one more pending proposal (made during the same scan). */
    public RiskContext withPending(Proposal p) {
        List<Proposal> pending = new ArrayList<>(pendingProposals);
        pending.add(p);
        return new RiskContext(netLiquidation, dailyPnl, positions, openOrders, activeTrades, pending, limits,
                buyingPower);
    }

    /**
     * This context with {@code admitted} counted as active trades: approvals that passed their gates
     * and are being written, which the journal this context was read from may not show yet (a proposal
     * there still pending, or absent, is replaced by its admitted state).
     */
    public RiskContext withAdmitted(Collection<Proposal> admitted) {
        if (admitted.isEmpty()) {
            return this;
        }
        Set<String> ids = new HashSet<>();
        admitted.forEach(p -> ids.add(p.proposalId()));
        List<Proposal> active = new ArrayList<>(admitted);
        activeTrades.stream().filter(p -> !ids.contains(p.proposalId())).forEach(active::add);
        List<Proposal> pending = pendingProposals.stream().filter(p -> !ids.contains(p.proposalId())).toList();
        return new RiskContext(netLiquidation, dailyPnl, positions, openOrders, active, pending, limits);
    }

    /** {@code amount} as % of net liquidation; ±infinity when net liquidation is not positive. */
    public double pctOfNetLiq(double amount) {
        if (netLiquidation > 0) {
            return amount / netLiquidation * 100.0;
        }
        return amount == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, amount);
    }
}
