package tech.brokerbridge.ibkr.internal.msg;

import java.util.Objects;

/**
 * The order fields this adapter sets. Every other placeOrder field is sent as IB's default
 * (empty / unset / false), see {@link PlaceOrderCodec}.
 *
 * @param lmtPrice limit price, {@link Double#MAX_VALUE} when unset
 * @param auxPrice stop price for STP, {@link Double#MAX_VALUE} when unset
 * @param auxPrice stop price for STP, trailing amount for a TRAIL by amount; {@link Double#MAX_VALUE} when unset
 * @param parentId 0 for a parent order
 * @param trailStopPrice where a TRAIL order's stop starts; {@link Double#MAX_VALUE} when unset
 * @param trailingPercent a TRAIL order's trail in percent (then {@code auxPrice} is unset);
 *     {@link Double#MAX_VALUE} when unset
 */
public record OrderParams(String action, double totalQuantity, String orderType, double lmtPrice,
        double auxPrice, String tif, String ocaGroup, String account, String orderRef, boolean transmit,
        int parentId, boolean outsideRth, double trailStopPrice, double trailingPercent) {
    public OrderParams {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(orderType, "orderType");
        tif = Objects.requireNonNullElse(tif, "");
        ocaGroup = Objects.requireNonNullElse(ocaGroup, "");
        account = Objects.requireNonNullElse(account, "");
        orderRef = Objects.requireNonNullElse(orderRef, "");
    }

    /** An order that does not trail. */
    public OrderParams(String action, double totalQuantity, String orderType, double lmtPrice, double auxPrice,
            String tif, String ocaGroup, String account, String orderRef, boolean transmit, int parentId,
            boolean outsideRth) {
        this(action, totalQuantity, orderType, lmtPrice, auxPrice, tif, ocaGroup, account, orderRef, transmit,
                parentId, outsideRth, Double.MAX_VALUE, Double.MAX_VALUE);
    }

    /** These parameters with another quantity, limit and stop (or trail amount), trail start and trail percent. */
    public OrderParams with(String type, double quantity, double lmt, double aux, double trailStop, double trailPct) {
        return new OrderParams(action, quantity, type, lmt, aux, tif, ocaGroup, account, orderRef, true, parentId,
                outsideRth, trailStop, trailPct);
    }
}
