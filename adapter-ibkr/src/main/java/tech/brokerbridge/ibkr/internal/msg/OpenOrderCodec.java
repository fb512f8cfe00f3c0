package tech.brokerbridge.ibkr.internal.msg;

import tech.brokerbridge.ibkr.internal.msg.Inbound.OpenOrder;
import tech.brokerbridge.ibkr.internal.wire.FieldReader;
import tech.brokerbridge.ibkr.internal.wire.ProtocolException;
import tech.brokerbridge.ibkr.internal.wire.ServerVersions;

/**
 * openOrder (5) from server 145 on (no version field): walks every field of the layout, following
 * each conditional branch, and keeps the ones the adapter needs. Losing alignment here would garble
 * every field after it, so each branch of the brief is followed even for features we never use:
 * orders placed by other clients (TWS itself) arrive through reqAllOpenOrders.
 */
final class OpenOrderCodec {
    private OpenOrderCodec() {
    }

    static OpenOrder decode(FieldReader r, int sv) {
        int orderId = r.readInt();
        Contract c = new Contract(r.readInt(), r.readString(), r.readString(), r.readString(), r.readDouble(),
                r.readString(), r.readString(), r.readString(), "", r.readString(), r.readString(), r.readString());
        String action = r.readString();
        double qty = r.readDecimal();
        String orderType = r.readString();
        double lmt = r.readDoubleMax();
        double aux = r.readDoubleMax();
        String tif = r.readString();
        String oca = r.readString();
        String account = r.readString();
        r.skip(2); // openClose, origin
        String orderRef = r.readString();
        int clientId = r.readInt();
        long permId = r.readLong();
        // outsideRth, hidden, discretionaryAmt, goodAfterTime, sharesAllocation, faGroup, faMethod, faPercentage
        r.skip(8);
        if (sv < ServerVersions.FA_PROFILE_DESUPPORT) {
            r.skip(1); // faProfile
        }
        // modelCode, goodTillDate, rule80A, percentOffset, settlingFirm, shortSaleSlot, designatedLocation,
        // exemptCode, auctionStrategy, startingPrice, stockRefPrice, delta, stockRangeLower, stockRangeUpper,
        // displaySize, blockOrder, sweepToFill, allOrNone, minQty, ocaType, eTradeOnly, firmQuoteOnly, nbboPriceCap
        r.skip(23);
        int parentId = r.readInt();
        r.skip(1); // triggerMethod
        // volatility block
        r.skip(2); // volatility, volatilityType
        String dnType = r.readString();
        r.skip(1); // deltaNeutralAuxPrice
        if (!dnType.isEmpty()) {
            r.skip(8); // TWS sends "None" and then these 8 fields
        }
        r.skip(2); // continuousUpdate, referencePriceType
        double trailStopPrice = r.readDoubleMax();
        double trailingPercent = r.readDoubleMax();
        r.skip(3); // basisPoints, basisPointsType, comboLegsDescrip
        int legs = count(r);
        r.skip(legs * 8);
        int legPrices = count(r);
        r.skip(legPrices);
        int smartParams = count(r);
        r.skip(smartParams * 2);
        r.skip(2); // scaleInitLevelSize, scaleSubsLevelSize
        double scaleIncrement = r.readDoubleMax();
        if (scaleIncrement > 0.0 && scaleIncrement != Double.MAX_VALUE) {
            r.skip(7);
        }
        String hedgeType = r.readString();
        if (!hedgeType.isEmpty()) {
            r.skip(1); // hedgeParam
        }
        r.skip(4); // optOutSmartRouting, clearingAccount, clearingIntent, notHeld
        if (r.readBool()) {
            r.skip(3); // delta-neutral contract
        }
        String algo = r.readString();
        if (!algo.isEmpty()) {
            r.skip(count(r) * 2);
        }
        r.skip(1); // solicited
        // order state
        r.skip(1); // whatIf
        String status = r.readString();
        r.skip(9); // margins before / change / after
        r.skip(4); // commission, minCommission, maxCommission, commissionCurrency
        String warning = r.readString();
        r.skip(2); // randomizeSize, randomizePrice
        if ("PEG BENCH".equals(orderType)) {
            r.skip(5);
        }
        int conditions = count(r);
        if (conditions > 0) {
            // order conditions have per-type layouts; no order of ours carries any.
            throw new ProtocolException("order conditions are not supported (order " + orderId + ")");
        }
        // adjustedOrderType .. usePriceMgmtAlgo
        r.skip(16);
        if (sv >= ServerVersions.DURATION) {
            r.skip(1);
        }
        if (sv >= ServerVersions.POST_TO_ATS) {
            r.skip(1);
        }
        if (sv >= ServerVersions.AUTO_CANCEL_PARENT) {
            r.skip(1);
        }
        if (sv >= ServerVersions.PEGBEST_PEGMID_OFFSETS) {
            r.skip(5);
        }
        return new OpenOrder(orderId, c, action, qty, orderType, lmt, aux, tif, oca, account, orderRef, clientId,
                permId, parentId, status, warning, trailStopPrice, trailingPercent);
    }

    private static int count(FieldReader r) {
        int n = r.readInt();
        if (n < 0 || n > 10_000) {
            throw new ProtocolException("count out of range: " + n);
        }
        return n;
    }
}
