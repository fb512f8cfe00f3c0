package tech.brokerbridge.core.internal.risk;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import tech.brokerbridge.core.DeskConfig.RiskLimits;
import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.broker.OrderState;
import tech.brokerbridge.ports.broker.OrderView;
import tech.brokerbridge.ports.broker.Position;
import tech.brokerbridge.ports.journal.Proposal;
import tech.brokerbridge.ports.journal.ProposalStatus;
import tech.brokerbridge.ports.market.Direction;

final class RiskFixtures {
    static final RiskLimits DEFAULTS = RiskLimits.defaults();

    private RiskFixtures() {
    }

    static RiskContext ctx(double netLiq) {
        return new RiskContext(netLiq, 0, List.of(), List.of(), List.of(), List.of(), DEFAULTS);
    }

    static RiskContext ctx(double netLiq, double dailyPnl, List<Position> positions, List<OrderView> orders,
            List<Proposal> active, List<Proposal> pending) {
        return new RiskContext(netLiq, dailyPnl, positions, orders, active, pending, DEFAULTS);
    }

    static TradePlan trade(String symbol, double entry, double stop, double target, long qty) {
        return new TradePlan(symbol, Direction.LONG, entry, stop, target, qty, Optional.empty());
    }

    static Proposal proposal(String id, String symbol, ProposalStatus status, long qty, double entry, double stop) {
        Instant t = Instant.parse("2026-01-05T15:00:00Z");
        return new Proposal(id, symbol, Direction.LONG, "breakout", 0.8, 0.7, entry, stop, entry + 2 * (entry - stop),
                qty, "t", List.of(), t, t.plusSeconds(1800), status, List.of());
    }

    static Position position(String symbol, long qty, double price) {
        return new Position(symbol, qty, price, price, 0, 0);
    }

    static OrderView stopLeg(String symbol, long qty, double stop) {
        return new OrderView("b-" + symbol, "prp-" + symbol, OrderLeg.STOP_LOSS, symbol, Direction.LONG, qty, stop,
                OrderState.WORKING, 0, 0);
    }
}
