package tech.brokerbridge.ports.signals;

import tech.brokerbridge.ports.Require;

/** One named indicator value that justifies a setup, e.g. {@code rsi_14 = 28.4}. */
public record Evidence(String name, double value, String note) {
    public Evidence {
        Require.nonNull("name", name, "note", note);
    }
}
