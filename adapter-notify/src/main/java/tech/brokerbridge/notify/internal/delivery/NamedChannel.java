package tech.brokerbridge.notify.internal.delivery;

import java.util.List;
import java.util.function.Supplier;

/** A channel's name, host and secrets, stated once in its constructor; each channel writes only {@link #send}. */
public abstract class NamedChannel implements Channel {
    private final String name;
    private final String destination;
    private final Supplier<List<String>> secrets;

    /**
     * @param secrets read at each call, so that a secret saved while the desk runs is masked from then on
     */
    protected NamedChannel(String name, String destination, Supplier<List<String>> secrets) {
        this.name = name;
        this.destination = destination;
        this.secrets = secrets;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String destination() {
        return destination;
    }

    @Override
    public final List<String> secrets() {
        return secrets.get();
    }
}
