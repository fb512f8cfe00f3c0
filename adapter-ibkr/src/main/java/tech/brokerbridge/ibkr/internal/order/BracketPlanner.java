package tech.brokerbridge.ibkr.internal.order;

import java.util.List;
import tech.brokerbridge.ibkr.internal.msg.Contract;
import tech.brokerbridge.ibkr.internal.msg.OrderParams;
import tech.brokerbridge.ibkr.internal.msg.Outbound.PlaceOrder;
import tech.brokerbridge.ports.broker.BracketOrder;
import tech.brokerbridge.ports.market.Direction;

/**
 * A bracket as three placeOrder messages: the limit parent and the stop child with
 * {@code transmit=false}, then the take-profit child with {@code transmit=true}, which transmits the
 * whole group. Children carry {@code parentId}; IB makes the children of one parent
 * one-cancels-all, so no OCA group is set. Every leg carries {@code orderRef} = the proposal id.
 * The entry is a DAY order; the children are GTC so the protection outlives the session.
 */
public final class BracketPlanner {
    private BracketPlanner() {
    }

    /** Legs in wire order: entry (id), stop loss (id+1), take profit (id+2). */
    public static List<PlaceOrder> plan(BracketOrder b, int parentId, Contract contract, String account) {
        String open = b.direction() == Direction.LONG ? "BUY" : "SELL";
        String close = b.direction() == Direction.LONG ? "SELL" : "BUY";
        double qty = b.quantity();
        double unset = Double.MAX_VALUE;
        PlaceOrder entry = new PlaceOrder(parentId, contract, new OrderParams(open, qty, "LMT",
                tick(b.entryLimit()), unset, "DAY", "", account, b.orderRef(), false, 0, false));
        PlaceOrder stop = new PlaceOrder(parentId + 1, contract, new OrderParams(close, qty, "STP",
                unset, tick(b.stopLoss()), "GTC", "", account, b.orderRef(), false, parentId, false));
        PlaceOrder target = new PlaceOrder(parentId + 2, contract, new OrderParams(close, qty, "LMT",
                tick(b.takeProfit()), unset, "GTC", "", account, b.orderRef(), true, parentId, false));
        return List.of(entry, stop, target);
    }

    /** US stocks tick in cents (1/100 cent below one dollar); IB rejects other prices with 110. */
    static double tick(double price) {
        double step = price >= 1.0 ? 100.0 : 10_000.0;
        return Math.round(price * step) / step;
    }
}
