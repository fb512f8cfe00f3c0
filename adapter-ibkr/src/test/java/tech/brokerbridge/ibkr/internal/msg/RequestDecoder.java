package tech.brokerbridge.ibkr.internal.msg;

import tech.brokerbridge.ibkr.internal.msg.Outbound.*;
import tech.brokerbridge.ibkr.internal.wire.FieldReader;
import tech.brokerbridge.ibkr.internal.wire.ProtocolException;
import tech.brokerbridge.ibkr.internal.wire.ServerVersions;

/**
 * The gateway's side of the codec: decodes client-to-server payloads as a TWS server would, field
 * by field per the protocol brief, and insists that nothing is left over (a server that loses
 * alignment garbles every field after it).
 */
public final class RequestDecoder {
    private final int sv;

    public RequestDecoder(int serverVersion) {
        this.sv = serverVersion;
    }

    public Outbound decode(byte[] payload) {
        FieldReader r = new FieldReader(payload);
        int id = r.readInt();
        Outbound m = switch (id) {
            case Outbound.START_API -> { r.skip(1); int cid = r.readInt();
                yield new StartApi(cid, sv >= ServerVersions.OPTIONAL_CAPABILITIES ? r.readString() : ""); }
            case Outbound.REQ_IDS -> { r.skip(1); yield new ReqIds(r.readInt()); }
            case Outbound.REQ_CURRENT_TIME -> { version(r); yield new ReqCurrentTime(); }
            case Outbound.REQ_MANAGED_ACCTS -> { version(r); yield new ReqManagedAccts(); }
            case Outbound.REQ_ACCOUNT_SUMMARY -> { r.skip(1);
                yield new ReqAccountSummary(r.readInt(), r.readString(), r.readString()); }
            case Outbound.CANCEL_ACCOUNT_SUMMARY -> { r.skip(1); yield new CancelAccountSummary(r.readInt()); }
            case Outbound.REQ_POSITIONS -> { version(r); yield new ReqPositions(); }
            case Outbound.CANCEL_POSITIONS -> { version(r); yield new CancelPositions(); }
            case Outbound.REQ_ACCOUNT_UPDATES -> { r.skip(1); yield new ReqAccountUpdates(r.readBool(), r.readString()); }
            case Outbound.REQ_HISTORICAL_DATA -> historical(r);
            case Outbound.CANCEL_HISTORICAL_DATA -> { r.skip(1); yield new CancelHistoricalData(r.readInt()); }
            case Outbound.PLACE_ORDER -> placeOrder(r);
            case Outbound.CANCEL_ORDER -> { r.skip(1); int oid = r.readInt();
                if (sv >= ServerVersions.MANUAL_ORDER_TIME) { r.skip(1); }
                yield new CancelOrder(oid); }
            case Outbound.REQ_OPEN_ORDERS -> { version(r); yield new ReqOpenOrders(); }
            case Outbound.REQ_ALL_OPEN_ORDERS -> { version(r); yield new ReqAllOpenOrders(); }
            case Outbound.REQ_EXECUTIONS -> { r.skip(1);
                yield new ReqExecutions(r.readInt(), r.readInt(), r.readString(), r.readString(), r.readString(),
                        r.readString(), r.readString(), r.readString()); }
            case Outbound.REQ_PNL -> new ReqPnL(r.readInt(), r.readString(), r.readString());
            case Outbound.REQ_CONTRACT_DATA -> contractDetails(r);
            case Outbound.REQ_MKT_DATA -> marketData(r);
            case Outbound.CANCEL_MKT_DATA -> { r.skip(1); yield new CancelMktData(r.readInt()); }
            case Outbound.REQ_MARKET_DATA_TYPE -> { version(r); yield new ReqMarketDataType(r.readInt()); }
            case Outbound.CANCEL_PNL -> new CancelPnL(r.readInt());
            default -> throw new ProtocolException("unsupported client message " + id);
        };
        if (r.hasMore()) {
            throw new ProtocolException("message " + id + ": " + r.remainingFields() + " fields left over");
        }
        return m;
    }

    private static void version(FieldReader r) {
        if (r.readInt() != 1) {
            throw new ProtocolException("unexpected version");
        }
    }

    private static Contract contract(FieldReader r, boolean primaryExch) {
        return new Contract(r.readInt(), r.readString(), r.readString(), r.readString(), r.readDouble(),
                r.readString(), r.readString(), r.readString(), primaryExch ? r.readString() : "", r.readString(),
                r.readString(), r.readString());
    }

    private Outbound contractDetails(FieldReader r) {
        if (r.readInt() != 8) {
            throw new ProtocolException("reqContractDetails: unexpected version");
        }
        int reqId = r.readInt();
        Contract c = contract(r, true);
        r.skip(3); // includeExpired, secIdType, secId
        if (sv >= ServerVersions.BOND_ISSUERID) {
            r.skip(1); // issuerId
        }
        return new ReqContractDetails(reqId, c);
    }

    private static Outbound marketData(FieldReader r) {
        if (r.readInt() != 11) {
            throw new ProtocolException("reqMktData: unexpected version");
        }
        int tickerId = r.readInt();
        Contract c = contract(r, true);
        if (c.secType().equals("BAG")) {
            throw new ProtocolException("BAG not supported by the fake");
        }
        if (r.readBool()) {
            r.skip(3); // delta-neutral contract
        }
        String generic = r.readString();
        boolean snapshot = r.readBool();
        r.skip(2); // regulatorySnapshot, mktDataOptions
        return new ReqMktData(tickerId, c, generic, snapshot);
    }

    private static Outbound historical(FieldReader r) {
        int reqId = r.readInt();
        Contract c = contract(r, true);
        r.readBool(); // includeExpired
        String end = r.readString();
        String barSize = r.readString();
        String duration = r.readString();
        boolean rth = r.readInt() != 0;
        String what = r.readString();
        int format = r.readInt();
        if (c.secType().equals("BAG")) {
            throw new ProtocolException("BAG not supported by the fake");
        }
        boolean keep = r.readBool();
        r.readString(); // chartOptions
        return new ReqHistoricalData(reqId, c, end, barSize, duration, rth, what, format, keep);
    }

    /** placeOrder, following every conditional branch of the brief. */
    private Outbound placeOrder(FieldReader r) {
        int orderId = r.readInt();
        Contract c = contract(r, true);
        r.skip(2); // secIdType, secId
        String action = r.readString();
        double qty = r.readDecimal();
        String type = r.readString();
        double lmt = r.readDoubleMax();
        double aux = r.readDoubleMax();
        String tif = r.readString();
        String oca = r.readString();
        String account = r.readString();
        r.skip(2); // openClose, origin
        String ref = r.readString();
        boolean transmit = r.readBool();
        int parentId = r.readInt();
        r.skip(4); // blockOrder, sweepToFill, displaySize, triggerMethod
        boolean outsideRth = r.readBool();
        r.skip(1); // hidden
        if (c.secType().equals("BAG")) {
            throw new ProtocolException("BAG not supported by the fake");
        }
        r.skip(3); // sharesAllocation, discretionaryAmt, goodAfterTime
        String goodTillDate = r.readString();
        r.skip(3); // faGroup, faMethod, faPercentage
        if (sv < ServerVersions.FA_PROFILE_DESUPPORT) {
            r.skip(1);
        }
        r.skip(20); // modelCode .. overridePercentageConstraints
        r.skip(2); // volatility, volatilityType
        String dnType = r.readString();
        r.skip(1);
        if (!dnType.isEmpty()) {
            r.skip(8);
        }
        r.skip(2); // continuousUpdate, referencePriceType
        double trailStopPrice = r.readDoubleMax();
        double trailingPercent = r.readDoubleMax();
        r.skip(2); // scaleInitLevelSize, scaleSubsLevelSize
        double inc = r.readDoubleMax();
        if (inc > 0 && inc != Double.MAX_VALUE) {
            r.skip(7);
        }
        r.skip(3); // scaleTable, activeStartTime, activeStopTime
        if (!r.readString().isEmpty()) {
            r.skip(1); // hedgeParam
        }
        r.skip(4); // optOutSmartRouting, clearingAccount, clearingIntent, notHeld
        if (r.readBool()) {
            r.skip(3);
        }
        if (!r.readString().isEmpty()) {
            r.skip(r.readInt() * 2);
        }
        r.skip(6); // algoId, whatIf, orderMiscOptions, solicited, randomizeSize, randomizePrice
        if (type.equals("PEG BENCH")) {
            r.skip(5);
        }
        if (r.readInt() != 0) {
            throw new ProtocolException("order conditions not supported by the fake");
        }
        r.skip(19); // adjustedOrderType .. usePriceMgmtAlgo
        int gated = (sv >= ServerVersions.DURATION ? 1 : 0) + (sv >= ServerVersions.POST_TO_ATS ? 1 : 0)
                + (sv >= ServerVersions.AUTO_CANCEL_PARENT ? 1 : 0) + (sv >= ServerVersions.ADVANCED_ORDER_REJECT ? 1 : 0)
                + (sv >= ServerVersions.MANUAL_ORDER_TIME ? 1 : 0);
        r.skip(gated);
        if (sv >= ServerVersions.PEGBEST_PEGMID_OFFSETS) {
            if (c.exchange().equals("IBKRATS")) {
                r.skip(1);
            }
            if (type.equals("PEG BEST") || type.equals("PEG MID")) {
                throw new ProtocolException("PEG BEST/MID not supported by the fake");
            }
        }
        return new PlaceOrder(orderId, c, new OrderParams(action, qty, type, lmt, aux, tif, oca, account, ref,
                transmit, parentId, outsideRth, goodTillDate, trailStopPrice, trailingPercent));
    }
}
