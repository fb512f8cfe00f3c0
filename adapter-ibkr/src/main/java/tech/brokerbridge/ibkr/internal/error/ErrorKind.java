package tech.brokerbridge.ibkr.internal.error;

/** What an IB error code means for the adapter, and so where it is routed. */
public enum ErrorKind {
    /** Informational (farm status, order warnings): logged, nothing fails. */
    NOTICE,
    /** 1100: the gateway lost its link to IB; the socket stays open. */
    CONNECTIVITY_LOST,
    /** 1101: link restored, subscriptions lost: re-request them. */
    CONNECTIVITY_RESTORED_DATA_LOST,
    /** 1102: link restored, nothing to redo. */
    CONNECTIVITY_RESTORED,
    /** 201 and kin: the order is refused; the leg becomes rejected with IB's reason. */
    ORDER_REJECTED,
    /** 202: the order was cancelled; the reason travels with the cancel event. */
    ORDER_CANCELLED,
    /** 104: a modification could not be done (the order is filled); the order is unchanged. */
    MODIFY_REFUSED,
    /** 10147, 10148, 161: a cancel could not be done; the order is unchanged. */
    CANCEL_REFUSED,
    /** 200: no security definition: unknown symbol. */
    UNKNOWN_CONTRACT,
    /** 103: the order id was used already; the leg is refused and ids are re-synced. */
    DUPLICATE_ORDER_ID,
    /** 326: another session uses this client id; the gateway closes the socket. */
    CLIENT_ID_IN_USE,
    /** 502, 504 (and 507 bad length): not connected; pending requests fail, retryable. */
    NOT_CONNECTED,
    /** 162 pacing violation: retryable later. */
    PACING_VIOLATION,
    /**
     * 354, and 162 with "No market data permissions": the account may not see this market's data; a
     * quote falls back to delayed data, bars fail with the reason.
     */
    NO_MARKET_DATA_PERMISSION,
    /** 10089: live data needs an additional API subscription; delayed data is available: fall back to it. */
    DELAYED_DATA_AVAILABLE,
    /** 10167: live data not subscribed, delayed data is shown instead: the request goes on, delayed. */
    DELAYED_DATA_SHOWN,
    /** 10168: live data not subscribed and delayed data not enabled: the request fails. */
    DELAYED_DATA_NOT_ENABLED,
    /** 162 (other), 321, 366, 322: the request failed; asking again the same way will not help. */
    REQUEST_FAILED,
    /** Any other code: routed to its request or order as a failure, logged when it has no owner. */
    UNKNOWN
}
