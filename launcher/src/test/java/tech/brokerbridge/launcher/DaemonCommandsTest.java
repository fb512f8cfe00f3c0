package tech.brokerbridge.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One daemon per data directory, and the commands that find it there: a second {@code serve}, {@code
 * status}, {@code stop} and {@code restore}, each a real child JVM on the same directory.
 */
class DaemonCommandsTest {
    private static final Duration START = Duration.ofSeconds(60);
    private static final Map<String, String> IBKR = Map.of("BROKERBRIDGE_BROKER", "ibkr",
            "BROKERBRIDGE_IBKR_PORT", "1"); // no gateway there: the desk starts anyway and says disconnected
    @TempDir
    Path home;

    @Test
    void aSecondStartOnTheSameHomeExitsWith4NamingTheRunningDaemonForEveryBrokerKind() throws Exception {
        try (DaemonProcess first = DaemonProcess.start(home, IBKR, "serve", "--port", "0")) {
            int port = first.awaitPort(START);
            String pid = Long.toString(first.process.pid());
            for (Map<String, String> kind : List.of(IBKR, Map.<String, String>of())) {
                DaemonProcess second = DaemonProcess.run(home, kind, "serve", "--port", "0");
                assertEquals(4, second.process.exitValue(), second.output());
                List<String> err = second.errLines();
                assertEquals(1, err.size(), "one line: " + err);
                assertTrue(err.get(0).startsWith("brokerbridge: another BrokerBridge daemon is already running on "
                        + home.toRealPath() + " (pid " + pid + ", port " + port + ")"), err.get(0));
                assertTrue(err.get(0).contains("brokerbridge stop"), err.get(0));
            }
            assertTrue(first.process.isAlive(), "the running daemon is left alone");
            assertEquals("ok", new DaemonApi(port).get("/api/health").path("status").asText());
        }
    }

    @Test
    void statusAndStopFindTheDaemonOfThisHomeAndRestoreWaitsForIt() throws Exception {
        DaemonProcess none = DaemonProcess.run(home, Map.of(), "status");
        assertEquals(6, none.process.exitValue(), none.output());
        assertEquals(List.of("BrokerBridge is not running on " + home.toRealPath()), none.outLines());
        assertEquals(List.of(), none.errLines(), "no log line on a terminal");

        try (DaemonProcess daemon = DaemonProcess.start(home, Map.of(), "serve", "--port", "0")) {
            int port = daemon.awaitPort(START);
            DaemonProcess status = DaemonProcess.run(home, Map.of(), "status");
            assertEquals(0, status.process.exitValue(), status.output());
            String out = String.join("\n", status.outLines());
            assertTrue(out.startsWith("BrokerBridge is running on " + home.toRealPath()), out);
            assertTrue(out.contains("pid:     " + daemon.process.pid() + "\n"), out);
            assertTrue(out.contains("port:    " + port + " (http://127.0.0.1:" + port + "/)"), out);
            assertTrue(out.matches("(?s).*version: \\d+\\.\\d+\\.\\d+.*"), out);
            assertTrue(out.matches("(?s).*uptime:  \\d+m \\d\\ds \\(since 20\\d\\d-.*"), out);
            assertTrue(out.contains("health:  ok (broker paper connected, advisor offline, license evaluation)"), out);
            assertEquals(List.of(), status.errLines());

            DaemonProcess backup = DaemonProcess.run(home, Map.of(), "backup");
            assertEquals(0, backup.process.exitValue(), "an online backup while the daemon runs: " + backup.output());
            Path file = Path.of(backup.outLines().get(0).replaceFirst("journal backed up to (\\S+) .*", "$1"));
            DaemonProcess restore = DaemonProcess.run(home, Map.of(), "restore", file.toString());
            assertEquals(4, restore.process.exitValue(), restore.output());
            assertTrue(restore.output().contains("stop it first with `brokerbridge stop`"), restore.output());

            DaemonProcess stop = DaemonProcess.run(home, Map.of(), "stop");
            assertEquals(0, stop.process.exitValue(), stop.output());
            assertTrue(stop.outLines().get(stop.outLines().size() - 1).startsWith("stopped (pid " + daemon.process.pid()),
                    stop.output());
            assertEquals(0, daemon.awaitExit(Duration.ofSeconds(30)), "stopped gracefully: " + daemon.output());
            assertTrue(daemon.output().contains("stopped journal"), daemon.output());
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertEquals(port, s.getLocalPort(), "the port is released");
            }
        }
        assertEquals(6, DaemonProcess.run(home, Map.of(), "status").process.exitValue());
        assertTrue(Files.notExists(home.resolve("daemon.json")), "a clean stop leaves no record behind");
        DaemonProcess again = DaemonProcess.run(home, Map.of(), "stop");
        assertEquals(0, again.process.exitValue(), again.output());
        assertEquals(List.of("BrokerBridge is not running on " + home.toRealPath() + "; nothing to stop"),
                again.outLines());
    }

    @Test
    void aKilledDaemonLeavesNoLockBehind() throws Exception {
        try (DaemonProcess killed = DaemonProcess.start(home, Map.of(), "serve", "--port", "0")) {
            killed.awaitPort(START);
            killed.signal("KILL");
            assertEquals(137, killed.awaitExit(Duration.ofSeconds(30)));
        }
        DaemonProcess status = DaemonProcess.run(home, Map.of(), "status");
        assertEquals(6, status.process.exitValue(), status.output());
        assertTrue(status.outLines().get(0).endsWith("did not stop cleanly)"), status.output());
        try (DaemonProcess next = DaemonProcess.start(home, Map.of(), "serve", "--port", "0")) {
            next.awaitPort(START);
            next.signal("TERM");
            assertEquals(0, next.awaitExit(Duration.ofSeconds(30)), next.output());
        }
    }
}
