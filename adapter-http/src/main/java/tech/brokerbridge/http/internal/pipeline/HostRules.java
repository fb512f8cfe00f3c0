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
    /** Every name, loopback first, lower case: what {@link #hostAllowed} scans. */
    private final String[] names;

    /** @param allowedHosts extra host names (lower case, no port) */
    HostRules(Set<String> allowedHosts) {
        this.allowedHosts = Set.copyOf(allowedHosts);
        this.names = names().stream().map(n -> n.toLowerCase(Locale.ROOT)).toArray(String[]::new);
    }

    /**
     * True for {@code localhost}, {@code 127.0.0.1}, {@code [::1]} or an allowed host, with any valid port or none.
     * Runs on every request: it allocates nothing (ASCII letters compared without regard to case).
     */
    boolean hostAllowed(String host) {
        int start = 0;
        int end = host.length();
        while (start < end && host.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && host.charAt(end - 1) <= ' ') {
            end--;
        }
        int nameEnd = end;
        int colon = host.lastIndexOf(':', end - 1);
        if (colon >= start && colon > host.lastIndexOf(']', end - 1)) {
            nameEnd = colon;
            if (!validPort(host, colon + 1, end)) {
                return false;
            }
        }
        for (String name : names) {
            if (sameAscii(host, start, nameEnd, name)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code s[from, to)} is {@code lower} (lower case) but for the case of ASCII letters. */
    private static boolean sameAscii(String s, int from, int to, String lower) {
        if (to - from != lower.length()) {
            return false;
        }
        for (int i = 0; i < lower.length(); i++) {
            char c = s.charAt(from + i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c != lower.charAt(i)) {
                return false;
            }
        }
        return true;
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

    private static boolean validPort(String s, int from, int to) {
        if (to <= from || to - from > 5) {
            return false;
        }
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            v = v * 10 + (c - '0');
        }
        return v >= 1 && v <= 65_535;
    }
}
