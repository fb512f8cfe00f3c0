package tech.brokerbridge.ports.journal;

import java.time.Instant;
import java.util.Objects;
import tech.brokerbridge.ports.broker.OrderLeg;

/** One execution. {@code executionId} is unique: recording the same execution twice keeps one. */
public record FillRecord(String executionId, String orderRef, OrderLeg leg, String symbol, long quantity,
        double price, Instant time) {
    public FillRecord {
        Objects.requireNonNull(executionId, "executionId");
        Objects.requireNonNull(orderRef, "orderRef");
        Objects.requireNonNull(leg, "leg");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(time, "time");
    }
}
