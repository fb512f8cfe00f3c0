package tech.brokerbridge.ibkr.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.ibkr.internal.error.ErrorKind;
import tech.brokerbridge.ibkr.internal.error.ErrorTable;
import tech.brokerbridge.ibkr.internal.error.GatewayException;
import tech.brokerbridge.ibkr.internal.msg.Inbound.ErrorMessage;
import tech.brokerbridge.ibkr.internal.msg.Outbound;
import tech.brokerbridge.ibkr.internal.order.OrderTracker;

/**
 * Routes each IB error message, by the meaning of its code ({@link ErrorTable}), to the order or
 * request its id names, or to the session when the id is -1. Called on the reader thread.
 */
final class ErrorRouter {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorRouter.class);
    private final IbkrClient client;
    private final OrderTracker tracker;
    private final Requests requests;
    private final int clientId;

    ErrorRouter(IbkrClient client, OrderTracker tracker, Requests requests, int clientId) {
        this.client = client;
        this.tracker = tracker;
        this.requests = requests;
        this.clientId = clientId;
    }

    /** Routes one IB error by the meaning of its code (see {@link ErrorTable}) to its owner. */
    void route(IbkrClient.Session s, ErrorMessage e) {
        ErrorKind kind = ErrorTable.kindOf(e.code(), e.message());
        String text = "IB " + e.code() + ": " + e.message();
        switch (kind) {
            case NOTICE -> {
                if (e.id() >= 0) {
                    tracker.onOrderError(e.id(), kind, e.code(), e.message());
                }
                LOG.debug("notice {}", text);
            }
            case CONNECTIVITY_LOST -> {
                client.setLinkUp(false);
                client.setStatus(false, "IB Gateway lost its connection to IB (" + text + ")");
                LOG.warn("{}", text);
            }
            case CONNECTIVITY_RESTORED_DATA_LOST -> {
                LOG.info("{}: re-requesting account updates", text);
                client.setLinkUp(true);
                client.restoreStatus();
                if (!client.selectedAccount().isEmpty()) {
                    client.trySend(new Outbound.ReqAccountUpdates(true, client.selectedAccount()));
                    client.subscribePnl();
                }
            }
            case CONNECTIVITY_RESTORED -> {
                LOG.info("{}", text);
                client.setLinkUp(true);
                client.restoreStatus();
            }
            case CLIENT_ID_IN_USE -> {
                s.closeReason = "client id " + clientId + " is already in use at the gateway;"
                        + " set ibkr.client_id to another number";
                s.started.completeExceptionally(GatewayException.notConnected(s.closeReason));
                client.setStatus(false, s.closeReason);
                LOG.warn("{}", text);
            }
            case NOT_CONNECTED -> {
                GatewayException g = GatewayException.notConnected("gateway not connected (" + text + ")");
                if (!(e.id() >= 0 && requests.fail(e.id(), g))) {
                    LOG.warn("{}: dropping the session to reconnect", text);
                    if (s.connection != null) {
                        s.connection.close();
                    }
                }
            }
            case ORDER_REJECTED, ORDER_CANCELLED, CANCEL_REFUSED, MODIFY_REFUSED, UNKNOWN_CONTRACT,
                    DUPLICATE_ORDER_ID -> {
                boolean order = tracker.onOrderError(e.id(), kind, e.code(), e.message());
                if (kind == ErrorKind.DUPLICATE_ORDER_ID) {
                    client.trySend(new Outbound.ReqIds(1)); // re-sync: the answer raises nextOrderId
                }
                if (!order && !requests.fail(e.id(), requestFailure(kind, text))) {
                    LOG.warn("{} (id {} matches no order or request)", text, e.id());
                }
            }
            case DELAYED_DATA_SHOWN -> LOG.debug("{} (the request goes on with delayed data)", text);
            case NO_MARKET_DATA_PERMISSION, DELAYED_DATA_AVAILABLE, DELAYED_DATA_NOT_ENABLED -> {
                if (!requests.fail(e.id(), requestFailure(kind, text))) {
                    LOG.warn("{}", text);
                }
            }
            case PACING_VIOLATION, REQUEST_FAILED, UNKNOWN -> {
                if (!tracker.onOrderError(e.id(), kind, e.code(), e.message())
                        && !requests.fail(e.id(), requestFailure(kind, text))) {
                    LOG.warn("{}", text);
                }
            }
        }
    }

    private static GatewayException requestFailure(ErrorKind kind, String text) {
        return switch (kind) {
            case UNKNOWN_CONTRACT -> new GatewayException(GatewayException.Reason.UNKNOWN_CONTRACT, text);
            case PACING_VIOLATION -> new GatewayException(GatewayException.Reason.PACING, text);
            case NO_MARKET_DATA_PERMISSION -> new GatewayException(GatewayException.Reason.NO_MARKET_DATA_PERMISSION,
                    text);
            case DELAYED_DATA_AVAILABLE -> new GatewayException(GatewayException.Reason.DELAYED_DATA_AVAILABLE, text);
            case DELAYED_DATA_NOT_ENABLED -> new GatewayException(GatewayException.Reason.DELAYED_DATA_NOT_ENABLED,
                    text);
            default -> new GatewayException(GatewayException.Reason.REFUSED, text);
        };
    }

}
