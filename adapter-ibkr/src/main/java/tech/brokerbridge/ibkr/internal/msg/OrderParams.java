package tech.brokerbridge.ibkr.internal.msg;

import java.util.Objects;

/**
 * The order fields this adapter sets. Every other placeOrder field is sent as IB's default
 * (empty / unset / false), see {@link PlaceOrderCodec}.
 *
 * @param lmtPrice limit price, {@link Double#MAX_VALUE} when unset
 * @param auxPrice stop price for STP, {@link Double#MAX_VALUE} when unset
 * @param parentId 0 for a parent order
 * @param goodTillDate for {@code tif} GTD: until when the order works, {@code yyyyMMdd-HH:mm:ss} in UTC;
 *     "" otherwise
 */
public record OrderParams(String action, double totalQuantity, String orderType, double lmtPrice,
        double auxPrice, String tif, String ocaGroup, String account, String orderRef, boolean transmit,
        int parentId, boolean outsideRth, String goodTillDate) {
    public OrderParams {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(orderType, "orderType");
        tif = Objects.requireNonNullElse(tif, "");
        ocaGroup = Objects.requireNonNullElse(ocaGroup, "");
        account = Objects.requireNonNullElse(account, "");
        orderRef = Objects.requireNonNullElse(orderRef, "");
        goodTillDate = Objects.requireNonNullElse(goodTillDate, "");
    }

    /** Without a good-till date (any time in force but GTD). */
    public OrderParams(String action, double totalQuantity, String orderType, double lmtPrice, double auxPrice,
            String tif, String ocaGroup, String account, String orderRef, boolean transmit, int parentId,
            boolean outsideRth) {
        this(action, totalQuantity, orderType, lmtPrice, auxPrice, tif, ocaGroup, account, orderRef, transmit,
                parentId, outsideRth, "");
    }
}
