package tech.brokerbridge.http.internal.pipeline;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which {@code Host} and {@code Origin} values name this server. Pure functions, unit-tested alone.
 */
final class HostRules {
    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");

    private final Set<String> allowedHosts;

    /** @param allowedHosts extra host names (lower case, no port) */
    HostRules(Set<String> allowedHosts) {
        this.allowedHosts = Set.copyOf(allowedHosts);
    }

    /** True for {@code localhost}, {@code 127.0.0.1}, {@code [::1]} or an allowed host, with any valid port or none. */
    boolean hostAllowed(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        String name = h;
        int colon = h.lastIndexOf(':');
        if (colon >= 0 && colon > h.lastIndexOf(']')) {
            name = h.substring(0, colon);
            if (!validPort(h.substring(colon + 1))) {
                return false;
            }
        }
        return LOOPBACK_NAMES.contains(name) || allowedHosts.contains(name);
    }

    /** True when {@code origin} is this server's own origin on {@code port}. */
    boolean ownOrigin(String origin, int port) {
        String o = origin.trim().toLowerCase(Locale.ROOT);
        for (String name : names()) {
            String base = "http://" + name;
            if (o.equals(base + ":" + port) || (port == 80 && o.equals(base))) {
                return true;
            }
        }
        return false;
    }

    private List<String> names() {
        List<String> all = new java.util.ArrayList<>(LOOPBACK_NAMES);
        all.addAll(allowedHosts);
        return all;
    }

    private static boolean validPort(String p) {
        if (p.isEmpty() || p.length() > 5) {
            return false;
        }
        for (int i = 0; i < p.length(); i++) {
            if (p.charAt(i) < '0' || p.charAt(i) > '9') {
                return false;
            }
        }
        int v = Integer.parseInt(p);
        return v >= 1 && v <= 65_535;
    }
}
