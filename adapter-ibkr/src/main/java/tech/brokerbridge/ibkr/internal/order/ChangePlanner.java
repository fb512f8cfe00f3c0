package tech.brokerbridge.ibkr.internal.order;

import tech.brokerbridge.ibkr.internal.msg.Contract;
import tech.brokerbridge.ibkr.internal.msg.OrderParams;
import tech.brokerbridge.ibkr.internal.msg.Outbound.PlaceOrder;
import tech.brokerbridge.ports.broker.CloseOrder;
import tech.brokerbridge.ports.broker.StopOrder;
import tech.brokerbridge.ports.broker.TrailingStop;
import tech.brokerbridge.ports.market.Direction;

/**
 * The placeOrder messages that look after a trade. A modification is the leg's order sent again
 * with the same id and new levels (IB's way to modify); a trailing stop is IB's {@code TRAIL} with
 * {@code auxPrice} the trailing amount or {@code trailingPercent} the percent, starting at
 * {@code trailStopPrice}. A close is a market ({@code MKT}) or limit order of the opposite side, a
 * DAY order tagged with the close's ref; a stand-alone stop is a GTC {@code STP}. Prices on the tick.
 */
public final class ChangePlanner {
    private static final double UNSET = Double.MAX_VALUE;

    private ChangePlanner() {
    }

    /** The stop leg moved to {@code stop}, trailing when {@code trail} is given. */
    public static PlaceOrder stop(LegInfo leg, double stop, java.util.Optional<TrailingStop> trail) {
        OrderParams p = leg.params();
        if (trail.isEmpty()) {
            return new PlaceOrder(leg.orderId(), leg.contract(), p.with("STP", p.totalQuantity(), UNSET,
                    BracketPlanner.tick(stop), UNSET, UNSET));
        }
        TrailingStop t = trail.get();
        double amount = t.kind() == TrailingStop.Kind.AMOUNT ? BracketPlanner.tick(t.value()) : UNSET;
        double percent = t.kind() == TrailingStop.Kind.PERCENT ? t.value() : UNSET;
        return new PlaceOrder(leg.orderId(), leg.contract(), p.with("TRAIL", p.totalQuantity(), UNSET, amount,
                BracketPlanner.tick(stop), percent));
    }

    /** The take-profit leg moved to {@code target}. */
    public static PlaceOrder target(LegInfo leg, double target) {
        OrderParams p = leg.params();
        return new PlaceOrder(leg.orderId(), leg.contract(), p.with(p.orderType(), p.totalQuantity(),
                BracketPlanner.tick(target), p.auxPrice(), p.trailStopPrice(), p.trailingPercent()));
    }

    /** The leg with {@code quantity} shares, at its levels (the cut of a partial close). */
    public static PlaceOrder quantity(LegInfo leg, long quantity) {
        OrderParams p = leg.params();
        return new PlaceOrder(leg.orderId(), leg.contract(), p.with(p.orderType(), quantity, p.lmtPrice(),
                p.auxPrice(), p.trailStopPrice(), p.trailingPercent()));
    }

    public static PlaceOrder close(CloseOrder c, int orderId, Contract contract, String account) {
        String side = c.positionDirection() == Direction.LONG ? "SELL" : "BUY";
        String type = c.limitPrice().isPresent() ? "LMT" : "MKT";
        double lmt = c.limitPrice().isPresent() ? BracketPlanner.tick(c.limitPrice().getAsDouble()) : UNSET;
        return new PlaceOrder(orderId, contract, new OrderParams(side, c.quantity(), type, lmt, UNSET, "DAY", "",
                account, c.closeRef(), true, 0, false));
    }

    public static PlaceOrder stop(StopOrder s, int orderId, Contract contract, String account) {
        String side = s.positionDirection() == Direction.LONG ? "SELL" : "BUY";
        return new PlaceOrder(orderId, contract, new OrderParams(side, s.quantity(), "STP", UNSET,
                BracketPlanner.tick(s.stopPrice()), "GTC", "", account, s.ref(), true, 0, false));
    }
}
