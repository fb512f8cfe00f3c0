package tech.brokerbridge.ibkr.fake;

import tech.brokerbridge.ibkr.internal.msg.Contract;
import tech.brokerbridge.ibkr.internal.msg.Inbound;
import tech.brokerbridge.ibkr.internal.msg.OrderParams;

/** One order as the fake gateway holds it. Guarded by the gateway's lock. */
final class FakeOrder {
    final int orderId;
    final int clientId;
    final Contract contract;
    final OrderParams params;
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
    }

    boolean done() {
        return status.equals("Filled") || status.equals("Cancelled") || status.equals("ApiCancelled")
                || status.equals("Inactive");
    }

    Inbound.OpenOrder openOrder() {
        return new Inbound.OpenOrder(orderId, contract, params.action(), params.totalQuantity(), params.orderType(),
                params.lmtPrice(), params.auxPrice(), params.tif(), params.ocaGroup(), params.account(),
                params.orderRef(), clientId, permId, params.parentId(), status, "");
    }

    Inbound.OrderStatus orderStatus() {
        return new Inbound.OrderStatus(orderId, status, filled, params.totalQuantity() - filled, avgPrice, permId,
                params.parentId(), filled > 0 ? avgPrice : 0.0, clientId, "", 0.0);
    }
}
