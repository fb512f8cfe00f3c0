package tech.brokerbridge.ports.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A rule between settings of one owner (e.g. the scoring weights must not all be 0), written once:
 * the launcher applies it to the configured values, the owner's constructor to the values it is
 * given. It is applied only when each of its settings has an acceptable value.
 *
 * @param settings the settings it reads
 * @param check the problem (a sentence naming the keys), or empty when the values agree
 */
public record SettingRule(List<Setting<?>> settings, Function<SettingsView, Optional<String>> check) {
    public SettingRule {
        settings = List.copyOf(settings);
        Objects.requireNonNull(check, "check");
    }

    /** The problem of the values in {@code view}, naming this rule's keys. */
    public Optional<SettingProblem> apply(SettingsView view) {
        return check.apply(view).map(m -> new SettingProblem(keys(), m));
    }

    /** The keys of {@link #settings()}. */
    public List<String> keys() {
        return settings.stream().map(Setting::key).toList();
    }
}
