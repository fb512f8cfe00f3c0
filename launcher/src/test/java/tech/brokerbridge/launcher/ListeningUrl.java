package tech.brokerbridge.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The daemon's start-up line {@code listening on http://127.0.0.1:<port>}, read from its output. */
public final class ListeningUrl {
    private static final Pattern URL = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");

    private ListeningUrl() {
    }

    /**
     * Reads {@code output} line by line, keeping each line in {@code seen}, up to the line that says where
     * the daemon listens; returns its base URL ({@code http://127.0.0.1:<port>}), or empty when the
     * output ended or {@code timeout} passed first (checked between lines: a daemon that prints nothing
     * more is bounded by the caller's process handling, e.g. its test timeout).
     */
    public static Optional<String> await(BufferedReader output, List<String> seen, Duration timeout)
            throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String line;
        while (System.nanoTime() < deadline && (line = output.readLine()) != null) {
            seen.add(line);
            Matcher m = URL.matcher(line);
            if (m.find()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }
}
