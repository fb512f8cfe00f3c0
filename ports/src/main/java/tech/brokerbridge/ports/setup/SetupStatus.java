package tech.brokerbridge.ports.setup;

import java.util.List;

/**
 * Whether the setup wizard is done.
 *
 * @param complete true when nothing is missing
 * @param missing what the user still has to do, e.g. {@code config} (no configuration saved yet),
 *     {@code credentials.claude} (the selected AI provider's key is missing or undecryptable),
 *     {@code license} (live trading without a license that allows it)
 * @param restartRequired configuration members saved but not in effect until the desk restarts
 */
public record SetupStatus(boolean complete, List<String> missing, List<String> restartRequired) {
    public SetupStatus {
        missing = List.copyOf(missing);
        restartRequired = List.copyOf(restartRequired);
    }
}
