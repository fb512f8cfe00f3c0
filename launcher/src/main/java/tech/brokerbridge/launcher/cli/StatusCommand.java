package tech.brokerbridge.launcher.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import tech.brokerbridge.launcher.lifecycle.DaemonRecord;
import tech.brokerbridge.launcher.lifecycle.HomeLock;

/**
 * {@code brokerbridge status}: whether a daemon runs on this data directory (its lock is held), and
 * then its pid, port, version, uptime and what {@code GET /api/health} says.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Say whether a daemon runs on this data directory: its pid, port, version, uptime and health.",
                "Exit code 0 running and answering, 1 running but not answering, 6 not running."})
public final class StatusCommand implements Callable<Integer> {
    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    HomeOption home = new HomeOption();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = home.resolve(System.getenv());
        HomeLock.Probe probe;
        try {
            probe = HomeLock.probe(dir);
        } catch (UncheckedIOException e) {
            return CliErrors.fail(spec.commandLine(), e.getMessage(), ExitCodes.FAILURE);
        }
        try {
            if (probe instanceof HomeLock.Probe.Free free) {
                out.println("BrokerBridge is not running on " + dir + free.stale().filter(r -> r.command().equals("serve"))
                        .map(r -> " (the last daemon, pid " + r.pid() + ", did not stop cleanly)").orElse(""));
                return ExitCodes.NOT_RUNNING;
            }
            Optional<DaemonRecord> holder = ((HomeLock.Probe.Held) probe).holder();
            if (holder.isEmpty()) {
                out.println("A process holds " + dir.resolve(HomeLock.LOCK_FILE) + " but has not said who it is yet");
                return ExitCodes.FAILURE;
            }
            DaemonRecord r = holder.get();
            if (!r.command().equals("serve")) {
                out.println("BrokerBridge is not running on " + dir + ": a journal " + r.command() + " (pid " + r.pid()
                        + ") is working on it");
                return ExitCodes.NOT_RUNNING;
            }
            out.println("BrokerBridge is running on " + dir);
            out.println("  pid:     " + r.pid());
            out.println("  port:    " + (r.port().isPresent() ? r.port().getAsInt() + " (http://127.0.0.1:"
                    + r.port().getAsInt() + "/)" : "not listening yet"));
            out.println("  version: " + r.version());
            out.println("  uptime:  " + uptime(Duration.between(r.startedAt(), Instant.now())) + " (since "
                    + r.startedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + ")");
            if (r.port().isEmpty()) {
                out.println("  health:  not answering yet (still starting)");
                return ExitCodes.FAILURE;
            }
            Optional<String> health = health(r.port().getAsInt(), out);
            return health.isPresent() ? ExitCodes.OK : ExitCodes.FAILURE;
        } finally {
            out.flush();
        }
    }

    /** Prints the health line; the health status when the daemon answered. */
    private static Optional<String> health(int port, PrintWriter out) {
        try {
            HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(HEALTH_TIMEOUT).build().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/health"))
                            .timeout(HEALTH_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                out.println("  health:  http://127.0.0.1:" + port + "/api/health answered HTTP " + r.statusCode());
                return Optional.empty();
            }
            JsonNode h = JSON.readTree(r.body());
            String status = h.path("status").asText("unknown");
            JsonNode s = h.path("services");
            out.println("  health:  " + status + " (broker " + s.path("broker").path("name").asText("?")
                    + (s.path("broker").path("connected").asBoolean() ? " connected" : " not connected")
                    + ", advisor " + s.path("ai").path("provider").asText("?")
                    + ", license " + s.path("license").path("status").asText("?")
                    + (h.path("kill_switch_engaged").asBoolean() ? ", kill switch engaged" : "")
                    + (h.path("trading_loop_active").asBoolean() ? ", trading" : "") + ")");
            return Optional.of(status);
        } catch (IOException e) {
            out.println("  health:  no answer from http://127.0.0.1:" + port + "/api/health (" + e.getMessage() + ")");
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static String uptime(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s >= 86_400) {
            return String.format("%dd %02dh %02dm", s / 86_400, s % 86_400 / 3600, s % 3600 / 60);
        }
        return s >= 3600 ? String.format("%dh %02dm %02ds", s / 3600, s % 3600 / 60, s % 60)
                : String.format("%dm %02ds", s / 60, s % 60);
    }
}
