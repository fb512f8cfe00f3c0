package tech.brokerbridge.ibkr.internal.msg;

import tech.brokerbridge.ibkr.internal.wire.FieldWriter;
import tech.brokerbridge.ibkr.internal.wire.ServerVersions;

/**
 * placeOrder (3) for a plain order: no BAG legs, algo, conditions, scale or delta-neutral parts.
 * No version field since server 145. 115 fields with the id at server 176, 110 at 157. The field
 * groups are numbered as in the protocol brief; everything we do not set is IB's default. Sections 6
 * to 13 hold only defaults and constants but for the good-till date and the two trail fields: the
 * constant runs between them are encoded once per server version and copied.
 */
final class PlaceOrderCodec {
    private static final double UNSET = Double.MAX_VALUE;
    private static final int UNSET_INT = Integer.MAX_VALUE;

    private PlaceOrderCodec() {
    }

    /** Encoded constant fields and how many there are. */
    private record Encoded(byte[] fields, int count) {
        static Encoded of(FieldWriter w) {
            return new Encoded(w.toPayload(), w.fieldCount());
        }
    }

    /** The constant runs of sections 6 to 13: before the trail fields and after them. */
    private record Tail(Encoded beforeTrail, Encoded afterTrail) {
    }

    private static final Tail[] TAILS = tails();

    private static Tail[] tails() {
        Tail[] out = new Tail[ServerVersions.OFFER_MAX - ServerVersions.OFFER_MIN + 1];
        for (int sv = ServerVersions.OFFER_MIN; sv <= ServerVersions.OFFER_MAX; sv++) {
            FieldWriter before = new FieldWriter(256);
            encodeBeforeTrail(before, sv);
            FieldWriter after = new FieldWriter(512);
            encodeAfterTrail(after, sv);
            out[sv - ServerVersions.OFFER_MIN] = new Tail(Encoded.of(before), Encoded.of(after));
        }
        return out;
    }

    static void encode(Outbound.PlaceOrder m, FieldWriter w, int sv) {
        Contract c = m.contract();
        OrderParams o = m.order();
        // 1-2: id, contract
        w.add(Outbound.PLACE_ORDER).add(m.orderId())
                .add(c.conId()).add(c.symbol()).add(c.secType()).add(c.lastTradeDate()).add(c.strike())
                .add(c.right()).add(c.multiplier()).add(c.exchange()).add(c.primaryExch()).add(c.currency())
                .add(c.localSymbol()).add(c.tradingClass()).add("").add(""); // secIdType, secId
        // 3: main order fields
        w.add(o.action()).addDecimal(o.totalQuantity()).add(o.orderType())
                .addMax(o.lmtPrice()).addMax(o.auxPrice());
        // 4: extended order fields
        w.add(o.tif()).add(o.ocaGroup()).add(o.account()).add("") // openClose
                .add(0) // origin: customer
                .add(o.orderRef()).add(o.transmit()).add(o.parentId())
                .add(false).add(false) // blockOrder, sweepToFill
                .add(0).add(0) // displaySize, triggerMethod
                .add(o.outsideRth()).add(false); // hidden
        // 6: (5 is BAG only) its first fields, with the order's own good-till date
        w.add("") // sharesAllocation, deprecated
                .add(0.0) // discretionaryAmt
                .add("").add(o.goodTillDate()); // goodAfterTime, goodTillDate
        // the rest of 6 to the end: the same for every order we place (encoded once per server version)
        // but for the trail fields of section 8
        Tail tail = TAILS[sv - ServerVersions.OFFER_MIN];
        w.addEncoded(tail.beforeTrail().fields(), tail.beforeTrail().count());
        w.addMax(o.trailStopPrice()).addMax(o.trailingPercent());
        w.addEncoded(tail.afterTrail().fields(), tail.afterTrail().count());
    }

    /** Sections 6 (from faGroup) and 7 for server version {@code sv}: IB's defaults or constants. */
    private static void encodeBeforeTrail(FieldWriter w, int sv) {
        // 6: faGroup .. overridePercentageConstraints
        w.add("").add("").add(""); // faGroup, faMethod, faPercentage
        if (sv < ServerVersions.FA_PROFILE_DESUPPORT) {
            w.add(""); // faProfile
        }
        w.add("") // modelCode
                .add(0).add("").add(-1) // shortSaleSlot, designatedLocation, exemptCode
                .add(0) // ocaType: none set, IB applies parent/child OCA to bracket children itself
                .add("").add("") // rule80A, settlingFirm
                .add(false).addMax(UNSET_INT).addMax(UNSET) // allOrNone, minQty, percentOffset
                .add(false).add(false).addMax(UNSET) // eTradeOnly, firmQuoteOnly, nbboPriceCap
                .addMax(UNSET_INT) // auctionStrategy
                .addMax(UNSET).addMax(UNSET).addMax(UNSET).addMax(UNSET).addMax(UNSET) // starting..rangeUpper
                .add(false); // overridePercentageConstraints
        // 7: volatility
        w.addMax(UNSET).addMax(UNSET_INT).add("").addMax(UNSET) // volatility, type, dnOrderType, dnAuxPrice
                .add(false).addMax(UNSET_INT); // continuousUpdate, referencePriceType
    }

    /**
     * Section 8 after trailStopPrice and trailingPercent, to 13, for server version {@code sv}: IB's defaults
     * or constants.
     */
    private static void encodeAfterTrail(FieldWriter w, int sv) {
        // 8: scale
        w.addMax(UNSET_INT).addMax(UNSET_INT).addMax(UNSET) // scale init/subs size, price increment
                .add("").add("").add(""); // scaleTable, activeStartTime, activeStopTime
        // 9: hedge, clearing, algo, misc
        w.add("") // hedgeType
                .add(false).add("").add("").add(false) // optOutSmartRouting, clearingAccount, clearingIntent, notHeld
                .add(false) // no delta-neutral contract
                .add("") // algoStrategy
                .add("").add(false).add("") // algoId, whatIf, orderMiscOptions
                .add(false).add(false).add(false); // solicited, randomizeSize, randomizePrice
        // 11: no conditions
        w.add(0);
        // 12: adjusted orders .. usePriceMgmtAlgo
        w.add("").addMax(UNSET).addMax(UNSET).addMax(UNSET).addMax(UNSET).addMax(UNSET).add(0)
                .add("") // extOperator
                .add("").add("") // soft dollar tier name, value
                .addMax(UNSET) // cashQty
                .add("").add("").add("").add("") // mifid2 fields
                .add(false).add(false) // dontUseAutoPriceForHedge, isOmsContainer
                .add(false) // discretionaryUpToLimitPrice
                .add(""); // usePriceMgmtAlgo unset
        // 13: gated tail
        if (sv >= ServerVersions.DURATION) {
            w.addMax(UNSET_INT);
        }
        if (sv >= ServerVersions.POST_TO_ATS) {
            w.addMax(UNSET_INT);
        }
        if (sv >= ServerVersions.AUTO_CANCEL_PARENT) {
            w.add(false);
        }
        if (sv >= ServerVersions.ADVANCED_ORDER_REJECT) {
            w.add(""); // advancedErrorOverride
        }
        if (sv >= ServerVersions.MANUAL_ORDER_TIME) {
            w.add(""); // manualOrderTime
        }
        // 170+: only IBKRATS / PEG BEST / PEG MID add fields here; we place LMT and STP on SMART.
    }
}
