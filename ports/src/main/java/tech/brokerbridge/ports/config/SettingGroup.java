package tech.brokerbridge.ports.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The settings one config record owns and the rules between them, published by that record (e.g.
 * {@code RiskLimits.SETTINGS}). The launcher's settings table is the union of every owner's group.
 *
 * @param owner the owner's name, for diagnostics (e.g. {@code RiskLimits})
 * @param settings its settings, in documentation order; keys are unique
 * @param rules its rules between settings
 */
public record SettingGroup(String owner, List<Setting<?>> settings, List<SettingRule> rules) {
    public SettingGroup {
        Objects.requireNonNull(owner, "owner");
        settings = List.copyOf(settings);
        rules = List.copyOf(rules);
        Set<String> keys = new HashSet<>();
        for (Setting<?> s : settings) {
            if (!keys.add(s.key())) {
                throw new IllegalArgumentException(owner + " declares " + s.key() + " twice");
            }
        }
        for (SettingRule r : rules) {
            if (!keys.containsAll(r.keys())) {
                throw new IllegalArgumentException(owner + " has a rule about settings it does not own: " + r.keys());
            }
        }
    }

    /** A group of these settings and rules. */
    public static SettingGroup of(String owner, List<Setting<?>> settings, SettingRule... rules) {
        return new SettingGroup(owner, settings, List.of(rules));
    }

    /** One group holding these groups' settings and rules, in order. */
    public static SettingGroup union(String owner, List<SettingGroup> parts) {
        List<Setting<?>> settings = new ArrayList<>();
        List<SettingRule> rules = new ArrayList<>();
        for (SettingGroup g : parts) {
            settings.addAll(g.settings());
            rules.addAll(g.rules());
        }
        return new SettingGroup(owner, settings, rules);
    }

    /**
     * Checks values made in code: each against its declaration, then every rule whose settings all
     * have an acceptable value here.
     *
     * @param values some of this group's settings with their values (of their value types)
     * @throws InvalidSettingsException listing every problem
     * @throws IllegalArgumentException when a setting is not this group's
     */
    public void require(Map<? extends Setting<?>, ?> values) {
        List<SettingProblem> problems = problems(values);
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
    }

    /**
     * The problems of values made in code, as {@link #require} finds them, without throwing.
     *
     * @throws IllegalArgumentException when a setting is not this group's
     */
    public List<SettingProblem> problems(Map<? extends Setting<?>, ?> values) {
        List<SettingProblem> problems = new ArrayList<>();
        Map<Setting<?>, Object> good = new LinkedHashMap<>();
        for (Setting<?> s : values.keySet()) {
            if (!settings.contains(s)) {
                throw new IllegalArgumentException(s.key() + " is not a setting of " + owner);
            }
        }
        for (Setting<?> s : settings) { // in declaration order, whatever the map's order
            if (values.containsKey(s)) {
                Object v = values.get(s);
                s.problem(v).ifPresentOrElse(p -> problems.add(SettingProblem.of(s.key(), p)), () -> good.put(s, v));
            }
        }
        SettingsView view = SettingsView.of(good);
        for (SettingRule r : rules) {
            if (good.keySet().containsAll(r.settings())) {
                r.apply(view).ifPresent(problems::add);
            }
        }
        return problems;
    }
}
