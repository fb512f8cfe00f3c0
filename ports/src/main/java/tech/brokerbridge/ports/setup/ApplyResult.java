package tech.brokerbridge.ports.setup;

import java.util.List;

/** The outcome of applying a configuration update. Business outcomes, not exceptions. */
public sealed interface ApplyResult {
    /**
     * Written and applied.
     *
     * @param config the configuration now saved (every member present)
     * @param restartRequired the JSON paths of changed members that take effect only after a restart
     *     (e.g. {@code ai_provider.provider}, {@code broker.kind}); empty when everything is in effect
     */
    record Applied(SetupConfig config, List<String> restartRequired) implements ApplyResult {
        public Applied {
            java.util.Objects.requireNonNull(config, "config");
            restartRequired = List.copyOf(restartRequired);
        }
    }

    /** Refused: nothing was written or applied. Every invalid member is listed. */
    record Invalid(List<FieldError> errors) implements ApplyResult {
        public Invalid {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("an invalid update names at least one field");
            }
        }
    }
}
