package tech.brokerbridge.ibkr.internal.msg;

import java.util.Objects;

/**
 * The order fields this adapter sets. Every other placeOrder field is sent as IB's default
 * (empty / unset / false), see {@link PlaceOrderCodec}.
 *
 * @param lmtPrice limit price, {@link Double#MAX_VALUE} when unset
 * @param auxPrice stop price for STP, {@link Double#MAX_VALUE} when unset
 * @param parentId 0 for a parent order
 */
public record OrderParams(String action, double totalQuantity, String orderType, double lmtPrice,
        double auxPrice, String tif, String ocaGroup, String account, String orderRef, boolean transmit,
        int parentId, boolean outsideRth) {
    public OrderParams {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(orderType, "orderType");
        tif = Objects.requireNonNullElse(tif, "");
        ocaGroup = Objects.requireNonNullElse(ocaGroup, "");
        account = Objects.requireNonNullElse(account, "");
        orderRef = Objects.requireNonNullElse(orderRef, "");
    }
}
