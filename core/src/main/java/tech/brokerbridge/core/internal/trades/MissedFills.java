package tech.brokerbridge.core.internal.trades;

import java.time.Instant;
import java.util.List;
import tech.brokerbridge.ports.broker.OrderEvent;
import tech.brokerbridge.ports.broker.OrderView;
import tech.brokerbridge.ports.journal.FillRecord;
import tech.brokerbridge.ports.journal.OrderLog;

/**
 * Fills the desk did not hear about (it was down when they happened, or died before it recorded the
 * event): caught up from the broker's view of each leg, its filled quantity and average price, as one
 * fill with the execution id {@code reconciled-<broker order id>}. A fill of such a leg that the broker
 * reports later (IB replays the day's executions after a reconnect) is then already covered and is
 * not recorded again.
 */
final class MissedFills {
    static final String PREFIX = "reconciled-";

    private MissedFills() {
    }

    /** True when the fill's leg was caught up by reconciliation already. */
    static boolean coveredAlready(OrderLog orders, OrderEvent.Filled f) {
        String id = PREFIX + f.brokerOrderId();
        return orders.fills(f.orderRef()).stream().anyMatch(x -> x.executionId().equals(id));
    }

    /**
     * Records what each leg under {@code ref} filled beyond the fills recorded for it. Returns true
     * when something was recorded.
     */
    static boolean catchUp(OrderLog orders, String ref, List<OrderView> legs, Instant now) {
        boolean any = false;
        List<FillRecord> recorded = orders.fills(ref);
        for (OrderView leg : legs) {
            if (!leg.orderRef().equals(ref) || leg.filledQuantity() == 0) {
                continue;
            }
            long known = recorded.stream().filter(f -> f.leg() == leg.leg()).mapToLong(FillRecord::quantity).sum();
            if (known == 0) {
                any |= orders.recordFill(new FillRecord(PREFIX + leg.brokerOrderId(), ref, leg.leg(), leg.symbol(),
                        leg.filledQuantity(), leg.averageFillPrice(), now));
            }
        }
        return any;
    }
}
