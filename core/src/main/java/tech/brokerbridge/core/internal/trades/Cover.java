package tech.brokerbridge.core.internal.trades;

import java.util.List;
import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.broker.OrderState;
import tech.brokerbridge.ports.broker.OrderView;
import tech.brokerbridge.ports.broker.Position;
import tech.brokerbridge.ports.desk.PositionView.Protection;
import tech.brokerbridge.ports.market.Direction;

/**
 * How the working orders of a symbol cover a position: shares a working stop loss (a bracket's or a
 * stand-alone one) would take out, shares a working closing order is taking out, and the rest,
 * unprotected. A pure function of the broker's position and open orders; an unprotected position is
 * one where that rest is not zero, however it came about (a stop cancelled in the IB app, a rejected
 * leg, a crash in the middle of a close).
 */
record Cover(long shares, long stopped, long closing, long unprotected, Protection protection) {
    static Cover of(Position p, List<OrderView> openOrders) {
        long shares = Math.abs(p.quantity());
        Direction side = p.quantity() > 0 ? Direction.LONG : Direction.SHORT;
        long stops = working(openOrders, p.symbol(), side, OrderLeg.STOP_LOSS);
        long closes = working(openOrders, p.symbol(), side, OrderLeg.CLOSE);
        long stopped = Math.min(shares, stops);
        long closing = Math.min(shares - stopped, closes);
        long unprotected = shares - stopped - closing;
        Protection protection = unprotected > 0 ? Protection.UNPROTECTED
                : closing > 0 ? Protection.CLOSING : Protection.PROTECTED;
        return new Cover(shares, stopped, closing, unprotected, protection);
    }

    private static long working(List<OrderView> orders, String symbol, Direction side, OrderLeg leg) {
        return orders.stream().filter(o -> o.symbol().equals(symbol) && o.leg() == leg && o.direction() == side
                && o.state() == OrderState.WORKING).mapToLong(OrderView::remainingQuantity).sum();
    }
}
