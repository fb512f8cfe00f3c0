package tech.brokerbridge.ibkr.internal.msg;

import java.util.List;

/** Server-to-client messages in scope, decoded by {@link InboundDecoder}. */
public sealed interface Inbound {
    int TICK_PRICE = 1;
    int TICK_SIZE = 2;
    int ORDER_STATUS = 3;
    int ERR_MSG = 4;
    int OPEN_ORDER = 5;
    int ACCT_VALUE = 6;
    int PORTFOLIO_VALUE = 7;
    int ACCT_UPDATE_TIME = 8;
    int NEXT_VALID_ID = 9;
    int CONTRACT_DATA = 10;
    int EXECUTION_DATA = 11;
    int MANAGED_ACCTS = 15;
    int HISTORICAL_DATA = 17;
    int CURRENT_TIME = 49;
    int CONTRACT_DATA_END = 52;
    int OPEN_ORDER_END = 53;
    int ACCT_DOWNLOAD_END = 54;
    int EXECUTION_DATA_END = 55;
    int TICK_SNAPSHOT_END = 57;
    int MARKET_DATA_TYPE = 58;
    int COMMISSION_REPORT = 59;
    int POSITION = 61;
    int POSITION_END = 62;
    int ACCOUNT_SUMMARY = 63;
    int ACCOUNT_SUMMARY_END = 64;
    int TICK_REQ_PARAMS = 81;
    int PNL = 94;

    /** The answer to one request, routed to it by its request id. */
    sealed interface Answer extends Inbound {
        int reqId();
    }

    record ManagedAccounts(List<String> accounts) implements Inbound {
        public ManagedAccounts {
            accounts = List.copyOf(accounts);
        }
    }

    record NextValidId(int orderId) implements Inbound {
    }

    record CurrentTime(long epochSeconds) implements Inbound {
    }

    /** id -1: not tied to a request; otherwise an order id or a request id. */
    record ErrorMessage(int id, int code, String message, String advancedOrderRejectJson) implements Inbound {
    }

    record AccountSummary(int reqId, String account, String tag, String value, String currency) implements Answer {
    }

    record AccountSummaryEnd(int reqId) implements Answer {
    }

    /** position (61), version 3; the contract carries conId..tradingClass without primaryExch. */
    record PositionData(String account, Contract contract, double position, double avgCost) implements Inbound {
    }

    record PositionEnd() implements Inbound {
    }

    record HistoricalBar(String date, double open, double high, double low, double close, double volume,
            double wap, int count) {
    }

    /** historicalData (17): all bars of one request, then the client signals the end. */
    record HistoricalData(int reqId, String startDate, String endDate, List<HistoricalBar> bars) implements Answer {
        public HistoricalData {
            bars = List.copyOf(bars);
        }
    }

    record OrderStatus(int orderId, String status, double filled, double remaining, double avgFillPrice,
            long permId, int parentId, double lastFillPrice, int clientId, String whyHeld,
            double mktCapPrice) implements Inbound {
    }

    /**
     * openOrder (5): the fields this adapter reads. The codec still walks every field of the layout.
     * {@code trailStopPrice} and {@code trailingPercent} are {@link Double#MAX_VALUE} when unset.
     */
    record OpenOrder(int orderId, Contract contract, String action, double totalQuantity, String orderType,
            double lmtPrice, double auxPrice, String tif, String ocaGroup, String account, String orderRef,
            int clientId, long permId, int parentId, String status, String warningText, double trailStopPrice,
            double trailingPercent) implements Inbound {
        /** An order that does not trail. */
        public OpenOrder(int orderId, Contract contract, String action, double totalQuantity, String orderType,
                double lmtPrice, double auxPrice, String tif, String ocaGroup, String account, String orderRef,
                int clientId, long permId, int parentId, String status, String warningText) {
            this(orderId, contract, action, totalQuantity, orderType, lmtPrice, auxPrice, tif, ocaGroup, account,
                    orderRef, clientId, permId, parentId, status, warningText, Double.MAX_VALUE, Double.MAX_VALUE);
        }
    }

    record OpenOrderEnd() implements Inbound {
    }

    record Execution(String execId, String time, String account, String exchange, String side, double shares,
            double price, long permId, int clientId, int liquidation, double cumQty, double avgPrice,
            String orderRef, String evRule, double evMultiplier, String modelCode, int lastLiquidity) {
    }

    /** execDetails (11): reqId -1 for a live fill. */
    record ExecDetails(int reqId, int orderId, Contract contract, Execution execution) implements Inbound {
    }

    record ExecDetailsEnd(int reqId) implements Answer {
    }

    record CommissionReport(String execId, double commission, String currency, double realizedPnl,
            double yield, int yieldRedemptionDate) implements Inbound {
    }

    record UpdateAccountValue(String key, String value, String currency, String account) implements Inbound {
    }

    /** updatePortfolio (7), version 8: the contract carries primaryExch and no exchange. */
    record UpdatePortfolio(Contract contract, double position, double marketPrice, double marketValue,
            double averageCost, double unrealizedPnl, double realizedPnl, String account) implements Inbound {
    }

    record UpdateAccountTime(String time) implements Inbound {
    }

    record AccountDownloadEnd(String account) implements Inbound {
    }

    /**
     * pnl (94): today's P&L of the account; unrealized from server 129, realized from 135 (always at
     * 157+). A figure IB does not have yet is {@link Double#MAX_VALUE}.
     */
    record PnL(int reqId, double dailyPnl, double unrealizedPnl, double realizedPnl) implements Inbound {
    }

    /**
     * contractData (10): the fields this adapter reads of a contract's details (the codec walks every
     * field of the layout). {@code liquidHours} are the regular sessions, e.g.
     * {@code 20260302:0930-20260302:1600;20260303:CLOSED}, in {@code timeZoneId}.
     */
    record ContractData(int reqId, String symbol, String secType, int conId, double minTick, String exchange,
            String primaryExch, String currency, String longName, String timeZoneId, String tradingHours,
            String liquidHours) implements Answer {
    }

    record ContractDataEnd(int reqId) implements Answer {
    }

    /** tickPrice (1), version 6: one price of a market data request; {@code field} is IB's tick type. */
    record TickPrice(int tickerId, int field, double price, double size, int attrMask) implements Inbound {
    }

    /** tickSize (2). */
    record TickSize(int tickerId, int field, double size) implements Inbound {
    }

    /** marketDataType (58): the kind of data the request now gets (1 live, 2 frozen, 3 delayed, 4 delayed frozen). */
    record MarketDataType(int reqId, int type) implements Answer {
    }

    /** tickReqParams (81): the request's minimum tick and permissions. */
    record TickReqParams(int tickerId, double minTick, String bboExchange, int snapshotPermissions) implements Inbound {
    }

    record TickSnapshotEnd(int reqId) implements Answer {
    }

    /** A message outside the scope; skipped. */
    record Unhandled(int messageId) implements Inbound {
    }
}
