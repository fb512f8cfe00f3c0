package tech.brokerbridge.ports.config;

import java.time.Duration;
import java.util.Objects;

/**
 * A rate: at most {@code requests} in any {@code window}. Written {@code 100/60s} (the window in
 * {@code s}, {@code m} or {@code h}); {@link #toString()} gives it in seconds.
 */
public record Rate(int requests, Duration window) {
    public Rate {
        Objects.requireNonNull(window, "window");
    }

    @Override
    public String toString() {
        return requests + "/" + window.toSeconds() + "s";
    }
}
