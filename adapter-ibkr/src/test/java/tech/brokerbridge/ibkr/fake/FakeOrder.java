package tech.brokerbridge.ibkr.fake;

import tech.brokerbridge.ibkr.internal.msg.Contract;
import tech.brokerbridge.ibkr.internal.msg.Inbound;
import tech.brokerbridge.ibkr.internal.msg.OrderParams;

/** One order as the fake gateway holds it. Guarded by the gateway's lock. */
final class FakeOrder {
    final int orderId;
    final int clientId;
    final Contract contract;
    OrderParams params;
    /** Where a TRAIL order's stop stands now; NaN until it is known. */
    double trailStop = Double.NaN;
    final long permId;
    boolean transmitted;
    String status = "PendingSubmit";
    double filled;
    double avgPrice;

    FakeOrder(int orderId, int clientId, Contract contract, OrderParams params, long permId) {
        this.orderId = orderId;
        this.clientId = clientId;
        this.contract = contract;
        this.params = params;
        this.permId = permId;
        this.trailStop = params.trailStopPrice() == Double.MAX_VALUE ? Double.NaN : params.trailStopPrice();
    }

    /** Takes a modification: the new parameters (IB keeps the order id, its fills and its state). */
    void modify(OrderParams next) {
        params = next;
        trailStop = next.trailStopPrice() == Double.MAX_VALUE ? Double.NaN : next.trailStopPrice();
    }

    boolean trails() {
        return params.orderType().equals("TRAIL");
    }

    boolean done() {
        return status.equals("Filled") || status.equals("Cancelled") || status.equals("ApiCancelled")
                || status.equals("Inactive");
    }

    Inbound.OpenOrder openOrder() {
        return new Inbound.OpenOrder(orderId, contract, params.action(), params.totalQuantity(), params.orderType(),
                params.lmtPrice(), params.auxPrice(), params.tif(), params.ocaGroup(), params.account(),
                params.orderRef(), clientId, permId, params.parentId(), status, "",
                trails() && !Double.isNaN(trailStop) ? trailStop : params.trailStopPrice(), params.trailingPercent());
    }

    Inbound.OrderStatus orderStatus() {
        return new Inbound.OrderStatus(orderId, status, filled, params.totalQuantity() - filled, avgPrice, permId,
                params.parentId(), filled > 0 ? avgPrice : 0.0, clientId, "", 0.0);
    }
}
