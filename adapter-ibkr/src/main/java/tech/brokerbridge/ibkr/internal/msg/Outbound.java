package tech.brokerbridge.ibkr.internal.msg;

import tech.brokerbridge.ibkr.internal.wire.FieldWriter;
import tech.brokerbridge.ibkr.internal.wire.ServerVersions;

/**
 * Client-to-server messages in scope. Each writes its own fields, message id first, in the layout
 * of the negotiated server version.
 */
public sealed interface Outbound {
    int REQ_MKT_DATA = 1;
    int CANCEL_MKT_DATA = 2;
    int REQ_CONTRACT_DATA = 9;
    int REQ_MARKET_DATA_TYPE = 59;
    int START_API = 71;
    int REQ_IDS = 8;
    int REQ_CURRENT_TIME = 49;
    int REQ_MANAGED_ACCTS = 17;
    int REQ_ACCOUNT_SUMMARY = 62;
    int CANCEL_ACCOUNT_SUMMARY = 63;
    int REQ_POSITIONS = 61;
    int CANCEL_POSITIONS = 64;
    int REQ_ACCOUNT_UPDATES = 6;
    int REQ_HISTORICAL_DATA = 20;
    int CANCEL_HISTORICAL_DATA = 25;
    int PLACE_ORDER = 3;
    int CANCEL_ORDER = 4;
    int REQ_OPEN_ORDERS = 5;
    int REQ_ALL_OPEN_ORDERS = 16;
    int REQ_EXECUTIONS = 7;
    int REQ_PNL = 92;
    int CANCEL_PNL = 93;

    void encode(FieldWriter w, int serverVersion);

    /** 71: version 2, client id, optional capabilities (server 72+). */
    record StartApi(int clientId, String optionalCapabilities) implements Outbound {
        @Override
        public void encode(FieldWriter w, int sv) {
            w.add(START_API).add(2).add(clientId);
            if (sv >= ServerVersions.OPTIONAL_CAPABILITIES) {
                w.add(optionalCapabilities);
            }
        }
    }

    record ReqIds(int numIds) implements Outbound {
        @Override
        public void encode(FieldWriter w, int sv) {
            w.add(REQ_IDS).add(1).add(numIds);
        }
    }

    record ReqCurrentTime() implements Outbound {
        @Override
        public void encode(FieldWriter w, int sv) {
            w.add(REQ_CURRENT_TIME).add(1);
        }
    }

    record ReqManagedAccts() implements Outbound {
        @Override
        public void encode(FieldWriter w, int sv) {
            w.add(REQ_MANAGED_ACCTS).add(1);
        }
    }

    /** 62: a subscription, refreshed by TWS until cancelled. */
    record ReqAccountSummary(int reqId, String group, String tags) implements Outbound {
        @Override
        public void encode(FieldWriter w, int sv) {
            w.add(REQ_ACCOUNT_SUMMARY).add(1).add(reqId).add(group).add(tags);
        }
    }

    record CancelAccountSummary(int reqId) implements Outbound {
        @Override
        public void encode(FieldWriter w, int sv) {
            w.add(CANCEL_ACCOUNT_SUMMARY).add(1).add(reqId);
        }
    }

    record ReqPositions() implements Outbound {
        @Override
        public void encode(FieldWriter w, int sv) {
            w.add(REQ_POSITIONS).add(1);
        }
    }

    record CancelPositions() implements Outbound {
        @Override
        public void encode(FieldWriter w, int sv) {
            w.add(CANCEL_POSITIONS).add(1);
        }
    }

    record ReqAccountUpdates(boolean subscribe, String account) implements Outbound {
        @Override
        public void encode(FieldWriter w, int sv) {
            w.add(REQ_ACCOUNT_UPDATES).add(2).add(subscribe).add(account);
        }
    }

    /** 20: no version field since server 124; keepUpToDate and chartOptions at the end. */
    record ReqHistoricalData(int reqId, Contract contract, String endDateTime, String barSize,
            String duration, boolean useRth, String whatToShow, int formatDate, boolean keepUpToDate)
            implements Outbound {
        @Override
        public void encode(FieldWriter w, int sv) {
            Contract c = contract;
            w.add(REQ_HISTORICAL_DATA).add(reqId)
                    .add(c.conId()).add(c.symbol()).add(c.secType()).add(c.lastTradeDate()).add(c.strike())
                    .add(c.right()).add(c.multiplier()).add(c.exchange()).add(c.primaryExch())
                    .add(c.currency()).add(c.localSymbol()).add(c.tradingClass())
                    .add(false) // includeExpired
                    .add(endDateTime).add(barSize).add(duration).add(useRth ? 1 : 0).add(whatToShow)
                    .add(formatDate).add(keepUpToDate).add(""); // chartOptions
        }
    }

    record CancelHistoricalData(int reqId) implements Outbound {
        @Override
        public void encode(FieldWriter w, int sv) {
            w.add(CANCEL_HISTORICAL_DATA).add(1).add(reqId);
        }
    }

    /** 3: see {@link PlaceOrderCodec} for the 115-field layout at 176. */
    record PlaceOrder(int orderId, Contract contract, OrderParams order) implements Outbound {
        @Override
        public void encode(FieldWriter w, int sv) {
            PlaceOrderCodec.encode(this, w, sv);
        }
    }

    /** 4: below server 192: version 1, order id, manualOrderCancelTime (169+). */
    record CancelOrder(int orderId) implements Outbound {
        @Override
        public void encode(FieldWriter w, int sv) {
            w.add(CANCEL_ORDER).add(1).add(orderId);
            if (sv >= ServerVersions.MANUAL_ORDER_TIME) {
                w.add("");
            }
        }
    }

    record ReqOpenOrders() implements Outbound {
        @Override
        public void encode(FieldWriter w, int sv) {
            w.add(REQ_OPEN_ORDERS).add(1);
        }
    }

    record ReqAllOpenOrders() implements Outbound {
        @Override
        public void encode(FieldWriter w, int sv) {
            w.add(REQ_ALL_OPEN_ORDERS).add(1);
        }
    }

    /** 7: version 3, then the filter; a zero client id and empty texts match everything. */
    record ReqExecutions(int reqId, int filterClientId, String account, String time, String symbol,
            String secType, String exchange, String side) implements Outbound {
        @Override
        public void encode(FieldWriter w, int sv) {
            w.add(REQ_EXECUTIONS).add(3).add(reqId).add(filterClientId).add(account).add(time)
                    .add(symbol).add(secType).add(exchange).add(side);
        }

        public static ReqExecutions all(int reqId) {
            return new ReqExecutions(reqId, 0, "", "", "", "", "", "");
        }
    }

    /**
     * 92 (server 127+, no version): the account's P&L subscription; TWS pushes pnl (94) about once a
     * second with today's P&L as IB computes it (not in the protocol brief; layout of IB's EClient).
     */
    record ReqPnL(int reqId, String account, String modelCode) implements Outbound {
        @Override
        public void encode(FieldWriter w, int sv) {
            w.add(REQ_PNL).add(reqId).add(account).add(modelCode);
        }
    }

    record CancelPnL(int reqId) implements Outbound {
        @Override
        public void encode(FieldWriter w, int sv) {
            w.add(CANCEL_PNL).add(reqId);
        }
    }

    /**
     * 9: version 8, reqId, the contract (conId .. tradingClass, primaryExch after exchange),
     * includeExpired, secIdType, secId, issuerId (176+).
     */
    record ReqContractDetails(int reqId, Contract contract) implements Outbound {
        @Override
        public void encode(FieldWriter w, int sv) {
            Contract c = contract;
            w.add(REQ_CONTRACT_DATA).add(8).add(reqId)
                    .add(c.conId()).add(c.symbol()).add(c.secType()).add(c.lastTradeDate()).add(c.strike())
                    .add(c.right()).add(c.multiplier()).add(c.exchange()).add(c.primaryExch()).add(c.currency())
                    .add(c.localSymbol()).add(c.tradingClass())
                    .add(false).add("").add(""); // includeExpired, secIdType, secId
            if (sv >= ServerVersions.BOND_ISSUERID) {
                w.add(""); // issuerId
            }
        }
    }

    /**
     * 1: version 11, tickerId, the contract (conId .. tradingClass), no combo legs, no delta-neutral
     * contract, genericTickList, snapshot, regulatorySnapshot, mktDataOptions.
     */
    record ReqMktData(int tickerId, Contract contract, String genericTicks, boolean snapshot) implements Outbound {
        @Override
        public void encode(FieldWriter w, int sv) {
            Contract c = contract;
            w.add(REQ_MKT_DATA).add(11).add(tickerId)
                    .add(c.conId()).add(c.symbol()).add(c.secType()).add(c.lastTradeDate()).add(c.strike())
                    .add(c.right()).add(c.multiplier()).add(c.exchange()).add(c.primaryExch()).add(c.currency())
                    .add(c.localSymbol()).add(c.tradingClass())
                    .add(false) // no delta-neutral contract
                    .add(genericTicks).add(snapshot).add(false) // regulatory snapshot
                    .add(""); // mktDataOptions
        }
    }

    record CancelMktData(int tickerId) implements Outbound {
        @Override
        public void encode(FieldWriter w, int sv) {
            w.add(CANCEL_MKT_DATA).add(2).add(tickerId);
        }
    }

    /** 59: version 1, the kind of data later requests get: 1 live, 2 frozen, 3 delayed, 4 delayed frozen. */
    record ReqMarketDataType(int type) implements Outbound {
        @Override
        public void encode(FieldWriter w, int sv) {
            w.add(REQ_MARKET_DATA_TYPE).add(1).add(type);
        }
    }
}
