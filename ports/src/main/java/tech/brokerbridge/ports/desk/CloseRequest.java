package tech.brokerbridge.ports.desk;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import tech.brokerbridge.ports.Require;

/**
 * The user's close of a position: all of it unless {@code quantity} says how many shares, at market
 * unless {@code limitPrice}.
 */
public record CloseRequest(OptionalLong quantity, OptionalDouble limitPrice, ActionOptions options) {
    public CloseRequest {
        Require.nonNull("quantity", quantity, "limitPrice", limitPrice, "options", options);
    }

    /** The whole position, at market. */
    public static CloseRequest all(Optional<String> reason) {
        return new CloseRequest(OptionalLong.empty(), OptionalDouble.empty(), new ActionOptions(reason, Optional.empty()));
    }
}
