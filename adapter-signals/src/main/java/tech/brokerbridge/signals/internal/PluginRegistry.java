package tech.brokerbridge.signals.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tech.brokerbridge.ports.market.Direction;

/** The plugins there are, in the order a scan runs them (and lists their setups). */
public final class PluginRegistry {
    /** Each plugin's name and the bars it needs (the slowest indicator it reads: the 200-day average or 60). */
    private static final List<SetupPlugin> ALL = List.of(
            new RangeBreakPlugin("breakout", 60, Direction.LONG),
            new RangeBreakPlugin("breakdown", 60, Direction.SHORT),
            new PullbackPlugin("pullback_buy", 200, Direction.LONG),
            new PullbackPlugin("pullback_sell", 200, Direction.SHORT),
            new ReversalPlugin("reversal", 60));

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
