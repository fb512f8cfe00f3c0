package tech.brokerbridge.ports.desk;

import java.util.OptionalDouble;
import java.util.OptionalLong;
import tech.brokerbridge.ports.Require;

/** A user's changes to a proposal when approving it; absent fields keep the proposal's values. */
public record Modification(OptionalLong quantity, OptionalDouble stopPrice, OptionalDouble targetPrice) {
    public Modification {
        Require.nonNull("quantity", quantity, "stopPrice", stopPrice, "targetPrice", targetPrice);
    }

    public static Modification none() {
        return new Modification(OptionalLong.empty(), OptionalDouble.empty(), OptionalDouble.empty());
    }

    public boolean isEmpty() {
        return quantity.isEmpty() && stopPrice.isEmpty() && targetPrice.isEmpty();
    }
}
