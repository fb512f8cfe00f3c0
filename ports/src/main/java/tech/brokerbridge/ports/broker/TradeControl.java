package tech.brokerbridge.ports.broker;

/**
 * What the desk does to a trade after its bracket was sent (driven port, a part of {@link Broker}):
 * move its stop or target, close its position, and put a stop back on a position that lost it.
 *
 * <p>Thread-safe. Each call blocks until the broker acknowledged it, at most the adapter's request
 * timeout (10 s unless documented otherwise), then throws a retryable {@link BrokerException}: the
 * outcome is then unknown, and {@link Broker#ordersByRef} tells later. Refusals are values. The
 * outcomes that come later (fills of a close, a leg cancelled by the close) arrive as
 * {@link OrderEvent}s, like those of a bracket.
 *
 * <p>Never does a call leave a filled position's stop cancelled without a close of the shares it
 * protected: {@link #close} reduces the stop loss and take profit by the closed quantity and cancels
 * them only when nothing is left to protect.
 */
public interface TradeControl {
    /**
     * Moves the working (or held) protective legs of the bracket with this ref to new levels, as a
     * modification of the same orders (IB: {@code placeOrder} again with the same order id); their ids
     * stay. A {@link OrderEvent.Modified} event follows for each changed leg.
     *
     * @return {@link ModifyResult.Modified} with the legs as they are now, or
     *     {@link ModifyResult.Refused} (unknown ref, the leg is done, the broker refused): nothing changed
     */
    ModifyResult modify(String orderRef, ProtectionChange change);

    /**
     * Closes {@code quantity} shares of a position with an opposite order (market or limit), first
     * reducing or cancelling the protective legs of {@link CloseOrder#bracketRef()} (see
     * {@link CloseOrder}). Idempotent by {@link CloseOrder#closeRef()}.
     *
     * @return {@link PlaceResult.Accepted} with the closing order's id and state, or
     *     {@link PlaceResult.Rejected} (duplicate ref, nothing to close, refused by the broker)
     */
    PlaceResult close(CloseOrder order);

    /**
     * Places a stop-loss order on its own for a position (re-arm). Idempotent by
     * {@link StopOrder#ref()}.
     */
    PlaceResult protect(StopOrder order);
}
