package tech.brokerbridge.ibkr.internal.msg;

import java.util.Objects;

/**
 * The order fields this adapter sets. Every other placeOrder field is sent as IB's default
 * (empty / unset / false), see {@link PlaceOrderCodec}.
 *
 * @param lmtPrice limit price, {@link Double#MAX_VALUE} when unset
 * @param auxPrice stop price for STP, trailing amount for a TRAIL by amount; {@link Double#MAX_VALUE} when unset
 * @param parentId 0 for a parent order
 * @param goodTillDate for {@code tif} GTD: until when the order works, {@code yyyyMMdd-HH:mm:ss} in UTC;
 *     "" otherwise
 * @param trailStopPrice where a TRAIL order's stop starts; {@link Double#MAX_VALUE} when unset
 * @param trailingPercent a TRAIL order's trail in percent (then {@code auxPrice} is unset);
 *     {@link Double#MAX_VALUE} when unset
 */
public record OrderParams(String action, double totalQuantity, String orderType, double lmtPrice,
        double auxPrice, String tif, String ocaGroup, String account, String orderRef, boolean transmit,
        int parentId, boolean outsideRth, String goodTillDate, double trailStopPrice, double trailingPercent) {
    public OrderParams {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(orderType, "orderType");
        tif = Objects.requireNonNullElse(tif, "");
        ocaGroup = Objects.requireNonNullElse(ocaGroup, "");
        account = Objects.requireNonNullElse(account, "");
        orderRef = Objects.requireNonNullElse(orderRef, "");
        goodTillDate = Objects.requireNonNullElse(goodTillDate, "");
    }

    /** An order that does not trail (a GTD order says until when). */
    public OrderParams(String action, double totalQuantity, String orderType, double lmtPrice, double auxPrice,
            String tif, String ocaGroup, String account, String orderRef, boolean transmit, int parentId,
            boolean outsideRth, String goodTillDate) {
        this(action, totalQuantity, orderType, lmtPrice, auxPrice, tif, ocaGroup, account, orderRef, transmit,
                parentId, outsideRth, goodTillDate, Double.MAX_VALUE, Double.MAX_VALUE);
    }

    /** Without a good-till date (any time in force but GTD). */
    public OrderParams(String action, double totalQuantity, String orderType, double lmtPrice, double auxPrice,
            String tif, String ocaGroup, String account, String orderRef, boolean transmit, int parentId,
            boolean outsideRth, double trailStopPrice, double trailingPercent) {
        this(action, totalQuantity, orderType, lmtPrice, auxPrice, tif, ocaGroup, account, orderRef, transmit,
                parentId, outsideRth, "", trailStopPrice, trailingPercent);
    }

    /** An order that does not trail, without a good-till date. */
    public OrderParams(String action, double totalQuantity, String orderType, double lmtPrice, double auxPrice,
            String tif, String ocaGroup, String account, String orderRef, boolean transmit, int parentId,
            boolean outsideRth) {
        this(action, totalQuantity, orderType, lmtPrice, auxPrice, tif, ocaGroup, account, orderRef, transmit,
                parentId, outsideRth, "");
    }

    /** These parameters with another quantity, limit and stop (or trail amount), trail start and trail percent. */
    public OrderParams with(String type, double quantity, double lmt, double aux, double trailStop, double trailPct) {
        return new OrderParams(action, quantity, type, lmt, aux, tif, ocaGroup, account, orderRef, true, parentId,
                outsideRth, goodTillDate, trailStop, trailPct);
    }
}
