package tech.brokerbridge.ibkr.internal.error;

import java.util.Map;

/**
 * IB error codes sorted by meaning. One table, so that the routing of each code is decided in one
 * place and tested code by code.
 */
public final class ErrorTable {
    private static final Map<Integer, ErrorKind> KINDS = Map.ofEntries(
            // farm and system notices (id -1)
            Map.entry(2100, ErrorKind.NOTICE), // account data unsubscribed
            Map.entry(2103, ErrorKind.NOTICE), // market data farm broken
            Map.entry(2104, ErrorKind.NOTICE), // market data farm OK
            Map.entry(2105, ErrorKind.NOTICE), // HMDS farm broken
            Map.entry(2106, ErrorKind.NOTICE), // HMDS farm OK
            Map.entry(2107, ErrorKind.NOTICE), // HMDS farm inactive, available on demand
            Map.entry(2108, ErrorKind.NOTICE), // market data farm inactive, available on demand
            Map.entry(2119, ErrorKind.NOTICE), // market data farm connecting
            Map.entry(2157, ErrorKind.NOTICE), // sec-def farm broken
            Map.entry(2158, ErrorKind.NOTICE), // sec-def farm OK
            Map.entry(2109, ErrorKind.NOTICE), // outsideRth ignored
            Map.entry(2137, ErrorKind.NOTICE), // cross-side warning
            Map.entry(399, ErrorKind.NOTICE), // order message warning (e.g. held until market opens)
            Map.entry(1300, ErrorKind.NOTICE), // socket port reset: new port in the text
            // connectivity between the gateway and IB
            Map.entry(1100, ErrorKind.CONNECTIVITY_LOST),
            Map.entry(2110, ErrorKind.CONNECTIVITY_LOST), // TWS to server connectivity broken
            Map.entry(1101, ErrorKind.CONNECTIVITY_RESTORED_DATA_LOST),
            Map.entry(1102, ErrorKind.CONNECTIVITY_RESTORED),
            // orders
            Map.entry(201, ErrorKind.ORDER_REJECTED),
            Map.entry(110, ErrorKind.ORDER_REJECTED), // price does not conform to min tick
            Map.entry(135, ErrorKind.ORDER_REJECTED), // can't find order
            Map.entry(203, ErrorKind.ORDER_REJECTED), // security not available / allowed
            Map.entry(382, ErrorKind.ORDER_REJECTED), // field length exceeded
            Map.entry(383, ErrorKind.ORDER_REJECTED), // size too large
            Map.entry(387, ErrorKind.ORDER_REJECTED), // unsupported order type
            Map.entry(404, ErrorKind.ORDER_REJECTED), // shares not available for short sale
            Map.entry(434, ErrorKind.ORDER_REJECTED), // order size cannot be zero
            Map.entry(10006, ErrorKind.ORDER_REJECTED), // missing parent order
            Map.entry(104, ErrorKind.MODIFY_REFUSED), // can't modify a filled order
            Map.entry(10147, ErrorKind.CANCEL_REFUSED), // the order to cancel is not found
            Map.entry(10148, ErrorKind.CANCEL_REFUSED), // the order cannot be cancelled (filled)
            Map.entry(161, ErrorKind.CANCEL_REFUSED),
            Map.entry(202, ErrorKind.ORDER_CANCELLED),
            Map.entry(200, ErrorKind.UNKNOWN_CONTRACT),
            Map.entry(103, ErrorKind.DUPLICATE_ORDER_ID),
            // session
            Map.entry(326, ErrorKind.CLIENT_ID_IN_USE),
            Map.entry(502, ErrorKind.NOT_CONNECTED),
            Map.entry(504, ErrorKind.NOT_CONNECTED),
            Map.entry(507, ErrorKind.NOT_CONNECTED),
            // market data permissions
            Map.entry(354, ErrorKind.NO_MARKET_DATA_PERMISSION), // requested market data is not subscribed
            Map.entry(10089, ErrorKind.DELAYED_DATA_AVAILABLE), // needs an API subscription; delayed available
            Map.entry(10167, ErrorKind.DELAYED_DATA_SHOWN), // not subscribed; displaying delayed data
            Map.entry(10168, ErrorKind.DELAYED_DATA_NOT_ENABLED), // not subscribed; delayed not enabled
            // requests
            Map.entry(321, ErrorKind.REQUEST_FAILED),
            Map.entry(322, ErrorKind.REQUEST_FAILED),
            Map.entry(366, ErrorKind.REQUEST_FAILED));

    private ErrorTable() {
    }

    /**
     * The kind of {@code code}; 162 (an HMDS query error) is split by its text: a pacing violation, no
     * market data permissions, or another failed request.
     */
    public static ErrorKind kindOf(int code, String message) {
        if (code == 162) {
            String text = message == null ? "" : message.toLowerCase(java.util.Locale.ROOT);
            if (text.contains("pacing violation")) {
                return ErrorKind.PACING_VIOLATION;
            }
            return text.contains("no market data permissions") ? ErrorKind.NO_MARKET_DATA_PERMISSION
                    : ErrorKind.REQUEST_FAILED;
        }
        return KINDS.getOrDefault(code, isWarningRange(code) ? ErrorKind.NOTICE : ErrorKind.UNKNOWN);
    }

    /** Codes 2100..2199 are warnings by IB's own numbering, whatever their text. */
    public static boolean isWarningRange(int code) {
        return code >= 2100 && code < 2200;
    }
}
