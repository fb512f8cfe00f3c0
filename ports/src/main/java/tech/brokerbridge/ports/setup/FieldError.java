package tech.brokerbridge.ports.setup;

import tech.brokerbridge.ports.Require;

/**
 * One invalid member of a request.
 *
 * @param field its JSON path, e.g. {@code risk.max_open_trades}
 * @param message what is wrong and what is accepted; never contains a secret
 */
public record FieldError(String field, String message) {
    public FieldError {
        Require.nonNull("field", field, "message", message);
    }
}
