package tech.brokerbridge.ports.signals;

import java.util.Objects;

/** One named indicator value that justifies a setup, e.g. {@code rsi_14 = 28.4}. */
public record Evidence(String name, double value, String note) {
    public Evidence {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(note, "note");
    }
}
