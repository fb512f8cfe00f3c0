package tech.brokerbridge.ibkr.internal.order;

import java.util.Optional;
import tech.brokerbridge.ibkr.internal.msg.Inbound.OpenOrder;
import tech.brokerbridge.ibkr.internal.msg.OrderParams;
import tech.brokerbridge.ports.broker.CloseOrder;
import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.broker.StopOrder;
import tech.brokerbridge.ports.broker.TrailingStop;
import tech.brokerbridge.ports.market.Direction;

/** What an openOrder says about a leg: which leg it is, its levels, its trail, the order to modify it by. */
final class OpenOrders {
    private OpenOrders() {
    }

    /**
     * Takes the order's quantity, price and trail from an openOrder; true when its quantity changed, or
     * its price did outside a trail's own moves (or in answer to a modification).
     */
    static boolean levels(TrackedLeg l, OpenOrder m, boolean modifying) {
        double price = priceOf(l.leg, m);
        Optional<TrailingStop> trailing = trailingOf(m);
        boolean quantityChanged = Math.abs(m.totalQuantity() - l.quantity) > 1e-9;
        boolean priceChanged = Math.abs(price - l.price) > 1e-9 && (trailing.isEmpty() || modifying);
        boolean trailChanged = modifying && !trailing.equals(l.trailing);
        l.quantity = m.totalQuantity();
        l.price = price;
        l.trailing = trailing;
        return quantityChanged || priceChanged || trailChanged;
    }

    static double priceOf(OrderLeg leg, OpenOrder m) {
        double price = leg != OrderLeg.STOP_LOSS ? m.lmtPrice()
                : m.orderType().startsWith("TRAIL") ? m.trailStopPrice() : m.auxPrice();
        return price == Double.MAX_VALUE ? 0.0 : price;
    }

    static Optional<TrailingStop> trailingOf(OpenOrder m) {
        if (!m.orderType().startsWith("TRAIL")) {
            return Optional.empty();
        }
        return m.auxPrice() != Double.MAX_VALUE && m.auxPrice() > 0 ? Optional.of(TrailingStop.amount(m.auxPrice()))
                : m.trailingPercent() != Double.MAX_VALUE && m.trailingPercent() > 0
                        ? Optional.of(TrailingStop.percent(m.trailingPercent())) : Optional.empty();
    }

    static OrderParams paramsOf(OpenOrder m) {
        return new OrderParams(m.action(), m.totalQuantity(), m.orderType(), m.lmtPrice(), m.auxPrice(), m.tif(),
                m.ocaGroup(), m.account(), m.orderRef(), true, m.parentId(), false, m.trailStopPrice(),
                m.trailingPercent());
    }

    /**
     * A leg first known from an openOrder (placed before we connected). A child is a stop loss (STP,
     * TRAIL) or a take profit; an order without parent is an entry, unless its ref says it is a
     * closing order or a stand-alone stop.
     */
    static TrackedLeg fromOpenOrder(OpenOrder m) {
        boolean buy = m.action().equals("BUY");
        boolean stopType = m.orderType().startsWith("STP") || m.orderType().startsWith("TRAIL");
        OrderLeg leg = m.parentId() != 0 ? (stopType ? OrderLeg.STOP_LOSS : OrderLeg.TAKE_PROFIT)
                : kindOfRef(m.orderRef()).orElse(OrderLeg.ENTRY);
        Direction d = (leg == OrderLeg.ENTRY) == buy ? Direction.LONG : Direction.SHORT;
        TrackedLeg l = new TrackedLeg(m.orderId(), m.orderRef(), leg, m.contract().symbol(), d, m.totalQuantity(),
                priceOf(leg, m));
        l.trailing = trailingOf(m);
        return l;
    }

    /** The leg a single order's ref says it is: a closing order or a stand-alone stop. */
    static Optional<OrderLeg> kindOfRef(String ref) {
        return CloseOrder.isCloseRef(ref) ? Optional.of(OrderLeg.CLOSE)
                : StopOrder.isStopRef(ref) ? Optional.of(OrderLeg.STOP_LOSS) : Optional.empty();
    }
}
