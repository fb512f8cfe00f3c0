package tech.brokerbridge.ports.config;

import java.util.List;
import java.util.Objects;

/**
 * One problem of a configuration.
 *
 * @param keys the settings it is about (one for a bad value, several for a broken rule); empty for a
 *     problem of the configuration as a whole (e.g. a {@code config.json} that is not JSON)
 * @param message a sentence that names the key(s) and says what is accepted; never a secret value
 */
public record SettingProblem(List<String> keys, String message) {
    public SettingProblem {
        keys = List.copyOf(keys);
        Objects.requireNonNull(message, "message");
    }

    /** A problem of one setting. */
    public static SettingProblem of(String key, String message) {
        return new SettingProblem(List.of(key), message);
    }
}
