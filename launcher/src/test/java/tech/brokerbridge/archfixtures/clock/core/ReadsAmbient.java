package tech.brokerbridge.archfixtures.clock.core;

/** Planted violations: core reading the system clock, the environment and system properties. */
public class ReadsAmbient {
    long millis() {
        return System.currentTimeMillis();
    }

    java.time.Instant now() {
        return java.time.Instant.now();
    }

    String env() {
        return System.getenv("HOME");
    }

    String prop() {
        return System.getProperty("user.home");
    }
}
