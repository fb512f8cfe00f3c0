package tech.brokerbridge.ibkr.internal.order;

import tech.brokerbridge.ibkr.internal.msg.Contract;
import tech.brokerbridge.ibkr.internal.msg.OrderParams;
import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.broker.OrderState;

/**
 * What the adapter needs to send a modification or a cancel of one tracked leg.
 *
 * @param params the order as last sent or reported; null when the leg is known only from a fill
 */
public record LegInfo(int orderId, String orderRef, OrderLeg leg, OrderState state, long quantity, long filled,
        double price, OrderParams params, Contract contract) {
    public boolean modifiable() {
        return params != null && contract != null && !state.done();
    }
}
