package tech.brokerbridge.core.internal.trades;

import java.util.ArrayList;
import java.util.List;
import tech.brokerbridge.ports.broker.Broker;
import tech.brokerbridge.ports.broker.OrderView;
import tech.brokerbridge.ports.journal.FillRecord;
import tech.brokerbridge.ports.journal.OrderLog;
import tech.brokerbridge.ports.journal.TradeAction;
import tech.brokerbridge.ports.journal.TradeActionLog;

/**
 * The orders of one desk trade: its bracket (under the bracket's ref) and the closing orders and
 * stops its actions placed (each under its own ref), with their fills and, from the broker, their legs.
 */
public final class TradeOrders {
    private final OrderLog orders;
    private final TradeActionLog actions;

    public TradeOrders(OrderLog orders, TradeActionLog actions) {
        this.orders = orders;
        this.actions = actions;
    }

    /** The bracket's ref, then the refs of the orders its actions placed, oldest first. */
    public List<String> refs(String bracketRef) {
        List<String> refs = new ArrayList<>();
        refs.add(bracketRef);
        for (TradeAction a : actions.actionsOf(bracketRef)) {
            a.placedRef().ifPresent(refs::add);
        }
        return refs;
    }

    TradeFills fills(String bracketRef) {
        List<FillRecord> all = new ArrayList<>();
        for (String ref : refs(bracketRef)) {
            all.addAll(orders.fills(ref));
        }
        return new TradeFills(all);
    }

    /**
     * Every leg of the trade as the broker knows it now.
     *
     * @throws tech.brokerbridge.ports.broker.BrokerException when the broker cannot be asked
     */
    public List<OrderView> legs(String bracketRef, Broker broker) {
        List<OrderView> legs = new ArrayList<>();
        for (String ref : refs(bracketRef)) {
            legs.addAll(broker.ordersByRef(ref));
        }
        return legs;
    }
}
