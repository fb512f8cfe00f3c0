package tech.brokerbridge.signals.internal;

/** A plugin's name and the bars it needs, stated once in its constructor. */
abstract class NamedPlugin implements SetupPlugin {
    private final String name;
    private final int minBars;

    NamedPlugin(String name, int minBars) {
        this.name = name;
        this.minBars = minBars;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final int minBars() {
        return minBars;
    }
}
