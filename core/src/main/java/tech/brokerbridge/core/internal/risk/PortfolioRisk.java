package tech.brokerbridge.core.internal.risk;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.broker.OrderView;
import tech.brokerbridge.ports.broker.Position;
import tech.brokerbridge.ports.journal.Proposal;

/**
 * Portfolio figures shared by the gates and the advisor's risk metrics.
 *
 * <p>Risk to the stops: for a position, each open stop-loss leg in its symbol covers up to the
 * position's size and risks {@code qty × max(0, (price − stop) × direction)}; any part of a position
 * no stop covers risks its whole market value (a position without a stop has no bounded risk). For
 * an active trade whose symbol has no position yet, the risk is {@code qty × |entry − stop|}.
 */
public final class PortfolioRisk {
    private PortfolioRisk() {
    }

    /** Symbols with an open position or an active (approved/executing) trade. */
    public static Set<String> openTradeSymbols(RiskContext ctx) {
        Set<String> symbols = new HashSet<>();
        for (Position p : ctx.positions()) {
            if (p.quantity() != 0) {
                symbols.add(p.symbol());
            }
        }
        for (Proposal p : ctx.activeTrades()) {
            symbols.add(p.symbol());
        }
        return symbols;
    }

    /** Total risk to the stops of the open positions and active trades, in account currency. */
    public static double openRisk(RiskContext ctx) {
        double total = 0;
        Set<String> withPosition = new HashSet<>();
        for (Position p : ctx.positions()) {
            if (p.quantity() == 0) {
                continue;
            }
            withPosition.add(p.symbol());
            total += positionRisk(p, ctx.openOrders());
        }
        for (Proposal t : ctx.activeTrades()) {
            if (!withPosition.contains(t.symbol())) {
                total += t.quantity() * Math.abs(t.entryPrice() - t.stopPrice());
            }
        }
        return total;
    }

    static double positionRisk(Position p, List<OrderView> openOrders) {
        long remaining = Math.abs(p.quantity());
        int sign = p.quantity() > 0 ? 1 : -1;
        double price = p.marketPrice() > 0 ? p.marketPrice() : p.averageCost();
        double risk = 0;
        for (OrderView o : openOrders) {
            if (remaining == 0) {
                break;
            }
            if (o.leg() != OrderLeg.STOP_LOSS || !o.symbol().equals(p.symbol()) || o.state().done()) {
                continue;
            }
            long covered = Math.min(remaining, o.quantity() - o.filledQuantity());
            risk += covered * Math.max(0, (price - o.limitOrStopPrice()) * sign);
            remaining -= covered;
        }
        return risk + remaining * Math.abs(price);
    }

    /** Long market value, % of net liquidation. */
    public static double longExposurePct(RiskContext ctx) {
        double v = 0;
        for (Position p : ctx.positions()) {
            if (p.quantity() > 0) {
                v += p.marketValue();
            }
        }
        return ctx.pctOfNetLiq(v);
    }

    /** Short market value (absolute), % of net liquidation. */
    public static double shortExposurePct(RiskContext ctx) {
        double v = 0;
        for (Position p : ctx.positions()) {
            if (p.quantity() < 0) {
                v += -p.marketValue();
            }
        }
        return ctx.pctOfNetLiq(v);
    }
}
