package tech.brokerbridge.signals.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tech.brokerbridge.ports.market.Direction;

/** The plugins there are, in the order a scan runs them (and lists their setups). */
public final class PluginRegistry {
    private static final List<SetupPlugin> ALL = List.of(
            new RangeBreakPlugin(Direction.LONG), new RangeBreakPlugin(Direction.SHORT),
            new PullbackPlugin(Direction.LONG), new PullbackPlugin(Direction.SHORT),
            new ReversalPlugin());

    private PluginRegistry() {
    }

    public static Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        ALL.forEach(p -> names.add(p.name()));
        return names;
    }

    /**
     * The plugins named, in registry order.
     *
     * @throws IllegalArgumentException naming any unknown plugin
     */
    public static List<SetupPlugin> select(Set<String> names) {
        Set<String> unknown = new TreeSet<>(names);
        unknown.removeAll(names());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown signal plugins " + unknown + "; known: " + names());
        }
        List<SetupPlugin> chosen = new ArrayList<>();
        for (SetupPlugin p : ALL) {
            if (names.contains(p.name())) {
                chosen.add(p);
            }
        }
        return List.copyOf(chosen);
    }
}
