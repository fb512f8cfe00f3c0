package tech.brokerbridge.ibkr.internal.order;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import tech.brokerbridge.ibkr.internal.msg.Contract;
import tech.brokerbridge.ibkr.internal.msg.OrderParams;
import tech.brokerbridge.ibkr.internal.msg.Outbound.PlaceOrder;
import tech.brokerbridge.ports.broker.BracketOrder;
import tech.brokerbridge.ports.market.Direction;
import tech.brokerbridge.ports.market.MarketSession;

/**
 * A bracket as three placeOrder messages: the limit parent and the stop child with
 * {@code transmit=false}, then the take-profit child with {@code transmit=true}, which transmits the
 * whole group. Children carry {@code parentId}; IB makes the children of one parent
 * one-cancels-all, so no OCA group is set. Every leg carries {@code orderRef} = the proposal id.
 * Every leg has {@code outsideRth} off: nothing fills outside regular trading hours. The entry is a
 * DAY order in the session; outside it a GTD order good until the close of the next session (a DAY
 * order sent after the close could lapse before the open). The children are GTC so the protection
 * outlives the session.
 */
public final class BracketPlanner {
    private BracketPlanner() {
    }

    /** A regular session's length: a GTD entry sent outside the session works until the next one's close. */
    static final Duration SESSION = Duration.ofMinutes(390);
    private static final DateTimeFormatter GTD = DateTimeFormatter.ofPattern("yyyyMMdd-HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    /** Legs in wire order: entry (id), stop loss (id+1), take profit (id+2); {@code session} is the market's now. */
    public static List<PlaceOrder> plan(BracketOrder b, int parentId, Contract contract, String account,
            MarketSession session) {
        String open = b.direction() == Direction.LONG ? "BUY" : "SELL";
        String close = b.direction() == Direction.LONG ? "SELL" : "BUY";
        double qty = b.quantity();
        double unset = Double.MAX_VALUE;
        String tif = session instanceof MarketSession.Closed ? "GTD" : "DAY";
        String until = session instanceof MarketSession.Closed c ? GTD.format(c.opens().plus(SESSION)) : "";
        PlaceOrder entry = new PlaceOrder(parentId, contract, new OrderParams(open, qty, "LMT",
                tick(b.entryLimit()), unset, tif, "", account, b.orderRef(), false, 0, false, until));
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
