package tech.brokerbridge.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real daemon as a user runs it: a child JVM, signals, exit codes. */
class DaemonProcessTest {
    private static final Duration START = Duration.ofSeconds(60);
    @TempDir
    Path home;

    @Test
    void servesHealthAndStopsCleanlyOnSigterm() throws Exception {
        try (DaemonProcess d = DaemonProcess.start(home, Map.of(), "serve", "--port", "0")) {
            int port = d.awaitPort(START);
            HttpResponse<String> r = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            assertTrue(r.body().contains("\"status\":\"ok\""), r.body());
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));

            d.process.toHandle().destroy(); // SIGTERM, without closing our end of its output pipes
            int code = d.awaitExit(Duration.ofSeconds(30));
            assertEquals(0, code, "a graceful stop exits 0, not 143: " + d.output());
            assertTrue(d.output().contains("stopped http"), d.output());
            assertTrue(d.output().contains("stopped journal"), "the orderly shutdown ran to its end: " + d.output());
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertEquals(port, s.getLocalPort(), "the port is released");
            }
        }
    }

    @Test
    void ctrlCStopsInOrderAndExits0() throws Exception {
        Assumptions.assumeFalse(DaemonProcess.sigintIgnored(), "this build runs with SIGINT ignored (a background job"
                + " without job control); its children inherit that, so Ctrl-C cannot be sent to them");
        try (DaemonProcess d = DaemonProcess.start(home, Map.of(), "serve", "--port", "0")) {
            int port = d.awaitPort(START);
            d.signal("INT"); // what Ctrl-C sends to the foreground process
            assertEquals(0, d.awaitExit(Duration.ofSeconds(30)), "Ctrl-C exits 0, not 130: " + d.output());
            assertTrue(d.output().contains("SIGINT: stopping"), d.output());
            assertTrue(d.output().contains("stopped journal"), d.output());
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertEquals(port, s.getLocalPort(), "the port is released");
            }
        }
    }

    @Test
    void aWrongArgumentIsAUsageErrorWithCode2() throws Exception {
        DaemonProcess d = DaemonProcess.run(home, Map.of(), "serve", "--no-such-flag");
        assertEquals(2, d.process.exitValue(), d.output());
        assertTrue(d.output().contains("Unknown option: '--no-such-flag'"), d.output());
    }

    @Test
    void invalidConfigurationExitsWith2AndListsEveryProblem() throws Exception {
        try (DaemonProcess d = DaemonProcess.start(home, Map.of("BROKERBRIDGE_PORT", "99999",
                "BROKERBRIDGE_RATE_LIMIT", "fast"), "serve")) {
            assertEquals(2, d.awaitExit(START), d.output());
            assertTrue(d.output().contains("port (environment BROKERBRIDGE_PORT): must be between 0 and 65535"), d.output());
            assertTrue(d.output().contains("rate_limit (environment BROKERBRIDGE_RATE_LIMIT)"), d.output());
        }
    }

    @Test
    void portInUseExitsWith3WithAClearMessage() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
                DaemonProcess d = DaemonProcess.start(home, Map.of(), "serve", "--port",
                        Integer.toString(taken.getLocalPort()))) {
            assertEquals(3, d.awaitExit(START), d.output());
            assertTrue(d.output().contains("is already in use"), d.output());
        }
    }

    @Test
    void versionPrintsTheVersionAndTheCommit() throws Exception {
        try (DaemonProcess d = DaemonProcess.start(home, Map.of(), "--version")) {
            assertEquals(0, d.awaitExit(START));
            assertTrue(d.output().matches("(?s).*brokerbridge \\d+\\.\\d+\\.\\d+\\S* \\(commit ([0-9a-f]{40}|unknown)\\).*"),
                    d.output());
            Optional<String> head = gitHead();
            head.ifPresent(h -> assertTrue(d.output().contains("(commit " + h + ")"), h + " vs " + d.output()));
        }
    }

    @Test
    void writesItsOwnerOnlyLogFileWhichLogsShowsWithoutTheAdminToken() throws Exception {
        String token = "admin-token-PLANTED-for-the-log-file";
        Path log = home.resolve("logs/brokerbridge.log");
        try (DaemonProcess d = DaemonProcess.start(home, Map.of("BROKERBRIDGE_ADMIN_TOKEN", token), "serve", "--port", "0")) {
            d.awaitPort(START);
            assertTrue(Files.readString(log).contains("started http"), d.output());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(log)));
            StringWriter out = new StringWriter();
            assertEquals(0, Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "logs", "--home",
                    home.toString(), "-n", "50"));
            assertTrue(out.toString().contains("started http"), out.toString());
            d.process.toHandle().destroy();
            d.awaitExit(Duration.ofSeconds(30));
        }
        String text = Files.readString(log);
        assertTrue(text.contains("stopped http"), "the graceful stop is logged to the file too:\n" + text);
        assertFalse(text.contains("PLANTED"), text);
        assertTrue(text.lines().allMatch(l -> l.matches("\\d{4}-\\d\\d-\\d\\dT\\S+Z (TRACE|DEBUG|INFO |WARN |ERROR) .*")),
                "one line per event:\n" + text);
    }

    private static Optional<String> gitHead() {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
            return p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0
                    && out.matches("[0-9a-f]{40}") ? Optional.of(out) : Optional.empty();
        } catch (IOException | InterruptedException e) {
            return Optional.empty();
        }
    }
}
