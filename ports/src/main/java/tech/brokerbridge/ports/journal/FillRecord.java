package tech.brokerbridge.ports.journal;

import java.time.Instant;
import java.util.OptionalDouble;
import tech.brokerbridge.ports.Require;
import tech.brokerbridge.ports.broker.OrderLeg;

/**
 * One execution. {@code executionId} is unique: recording the same execution twice keeps one.
 *
 * @param orderRef the ref of the trade the execution belongs to (the bracket's ref, also for the fill
 *     of a closing order or a re-armed stop of that trade)
 * @param commission what the broker charged for it, once reported ({@link OrderLog#recordCommission})
 */
public record FillRecord(String executionId, String orderRef, OrderLeg leg, String symbol, long quantity,
        double price, Instant time, OptionalDouble commission) {
    public FillRecord {
        Require.nonNull("executionId", executionId, "orderRef", orderRef, "leg", leg, "symbol", symbol, "time", time,
                "commission", commission);
    }

    /** A fill whose commission is not reported yet. */
    public FillRecord(String executionId, String orderRef, OrderLeg leg, String symbol, long quantity, double price,
            Instant time) {
        this(executionId, orderRef, leg, symbol, quantity, price, time, OptionalDouble.empty());
    }
}
