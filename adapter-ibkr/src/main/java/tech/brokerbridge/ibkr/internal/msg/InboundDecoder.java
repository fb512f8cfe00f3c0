package tech.brokerbridge.ibkr.internal.msg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tech.brokerbridge.ibkr.internal.msg.Inbound.*;
import tech.brokerbridge.ibkr.internal.wire.FieldReader;
import tech.brokerbridge.ibkr.internal.wire.ProtocolException;
import tech.brokerbridge.ibkr.internal.wire.ServerVersions;

/**
 * Decodes server-to-client payloads in the layout of one negotiated server version. Stateless
 * apart from the version; safe to share.
 */
public final class InboundDecoder {
    private final int sv;

    public InboundDecoder(int serverVersion) {
        this.sv = serverVersion;
    }

    public int serverVersion() {
        return sv;
    }

    /** Decodes one payload. Throws {@link ProtocolException} on a malformed message. */
    public Inbound decode(byte[] payload) {
        FieldReader r = new FieldReader(payload);
        int id = r.readInt();
        try {
            return switch (id) {
                case Inbound.MANAGED_ACCTS -> managedAccounts(r);
                case Inbound.NEXT_VALID_ID -> { r.skip(1); yield new NextValidId(r.readInt()); }
                case Inbound.CURRENT_TIME -> { r.skip(1); yield new CurrentTime(r.readLong()); }
                case Inbound.ERR_MSG -> error(r);
                case Inbound.ACCOUNT_SUMMARY -> { r.skip(1);
                    yield new AccountSummary(r.readInt(), r.readString(), r.readString(), r.readString(), r.readString()); }
                case Inbound.ACCOUNT_SUMMARY_END -> { r.skip(1); yield new AccountSummaryEnd(r.readInt()); }
                case Inbound.POSITION -> position(r);
                case Inbound.POSITION_END -> new PositionEnd();
                case Inbound.HISTORICAL_DATA -> historical(r);
                case Inbound.ORDER_STATUS -> new OrderStatus(r.readInt(), r.readString(), r.readDecimal(),
                        r.readDecimal(), r.readDouble(), r.readLong(), r.readInt(), r.readDouble(), r.readInt(),
                        r.readString(), r.readDouble());
                case Inbound.OPEN_ORDER -> OpenOrderCodec.decode(r, sv);
                case Inbound.OPEN_ORDER_END -> new OpenOrderEnd();
                case Inbound.EXECUTION_DATA -> execution(r);
                case Inbound.EXECUTION_DATA_END -> { r.skip(1); yield new ExecDetailsEnd(r.readInt()); }
                case Inbound.COMMISSION_REPORT -> { r.skip(1);
                    yield new CommissionReport(r.readString(), r.readDouble(), r.readString(), r.readDouble(),
                            r.readDouble(), r.readInt()); }
                case Inbound.ACCT_VALUE -> { r.skip(1);
                    yield new UpdateAccountValue(r.readString(), r.readString(), r.readString(), r.readString()); }
                case Inbound.PORTFOLIO_VALUE -> portfolio(r);
                case Inbound.ACCT_UPDATE_TIME -> { r.skip(1); yield new UpdateAccountTime(r.readString()); }
                case Inbound.ACCT_DOWNLOAD_END -> { r.skip(1); yield new AccountDownloadEnd(r.readString()); }
                case Inbound.PNL -> new PnL(r.readInt(), r.readDoubleMax(), r.readDoubleMax(), r.readDoubleMax());
                case Inbound.CONTRACT_DATA -> ContractDataCodec.decode(r, sv);
                case Inbound.CONTRACT_DATA_END -> { r.skip(1); yield new ContractDataEnd(r.readInt()); }
                case Inbound.TICK_PRICE -> { r.skip(1);
                    yield new TickPrice(r.readInt(), r.readInt(), r.readDouble(), r.readDecimal(), r.readInt()); }
                case Inbound.TICK_SIZE -> { r.skip(1); yield new TickSize(r.readInt(), r.readInt(), r.readDecimal()); }
                case Inbound.MARKET_DATA_TYPE -> { r.skip(1); yield new MarketDataType(r.readInt(), r.readInt()); }
                case Inbound.TICK_REQ_PARAMS -> new TickReqParams(r.readInt(), r.readDouble(), r.readString(),
                        r.readInt());
                case Inbound.TICK_SNAPSHOT_END -> { r.skip(1); yield new TickSnapshotEnd(r.readInt()); }
                default -> new Unhandled(id);
            };
        } catch (ProtocolException e) {
            throw new ProtocolException("message " + id + ": " + e.getMessage(), e);
        }
    }

    private static Inbound managedAccounts(FieldReader r) {
        r.skip(1);
        String list = r.readString();
        List<String> accounts = list.isBlank() ? List.of()
                : Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        return new ManagedAccounts(accounts);
    }

    private Inbound error(FieldReader r) {
        r.skip(1);
        int id = r.readInt();
        int code = r.readInt();
        String msg = r.readString();
        if (sv >= ServerVersions.ENCODE_MSG_ASCII7) {
            msg = unescape(msg);
        }
        String json = sv >= ServerVersions.ADVANCED_ORDER_REJECT && r.hasMore() ? r.readString() : "";
        return new ErrorMessage(id, code, msg, json);
    }

    private static Inbound position(FieldReader r) {
        r.skip(1);
        String account = r.readString();
        Contract c = new Contract(r.readInt(), r.readString(), r.readString(), r.readString(), r.readDouble(),
                r.readString(), r.readString(), r.readString(), "", r.readString(), r.readString(), r.readString());
        return new PositionData(account, c, r.readDecimal(), r.readDouble());
    }

    private static Inbound historical(FieldReader r) {
        int reqId = r.readInt();
        String start = r.readString();
        String end = r.readString();
        int n = r.readInt();
        if (n < 0 || n > 1_000_000) {
            throw new ProtocolException("bar count out of range: " + n);
        }
        List<HistoricalBar> bars = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            bars.add(new HistoricalBar(r.readString(), r.readDouble(), r.readDouble(), r.readDouble(),
                    r.readDouble(), r.readDecimal(), r.readDecimal(), r.readInt()));
        }
        return new HistoricalData(reqId, start, end, bars);
    }

    private int pendingPriceRevisionGuard() {
        return sv >= ServerVersions.PENDING_PRICE_REVISION ? 1 : 0;
    }

    private Inbound execution(FieldReader r) {
        int reqId = r.readInt();
        int orderId = r.readInt();
        Contract c = new Contract(r.readInt(), r.readString(), r.readString(), r.readString(), r.readDouble(),
                r.readString(), r.readString(), r.readString(), "", r.readString(), r.readString(), r.readString());
        Execution e = new Execution(r.readString(), r.readString(), r.readString(), r.readString(), r.readString(),
                r.readDecimal(), r.readDouble(), r.readLong(), r.readInt(), r.readInt(), r.readDecimal(),
                r.readDouble(), r.readString(), r.readString(), r.readDouble(), r.readString(), r.readInt());
        r.skip(pendingPriceRevisionGuard());
        return new ExecDetails(reqId, orderId, c, e);
    }

    private static Inbound portfolio(FieldReader r) {
        r.skip(1);
        Contract c = new Contract(r.readInt(), r.readString(), r.readString(), r.readString(), r.readDouble(),
                r.readString(), r.readString(), "", r.readString(), r.readString(), r.readString(), r.readString());
        return new UpdatePortfolio(c, r.readDecimal(), r.readDouble(), r.readDouble(), r.readDouble(),
                r.readDouble(), r.readDouble(), r.readString());
    }

    /** From server 153 TWS escapes non-ASCII characters in error texts as backslash-u and 4 hex digits. */
    static String unescape(String s) {
        if (s.indexOf("\\u") < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\' && i + 5 < s.length() && s.charAt(i + 1) == 'u' && hex4(s, i + 2)) {
                b.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }

    private static boolean hex4(String s, int from) {
        if (from + 4 > s.length()) {
            return false;
        }
        for (int i = from; i < from + 4; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
