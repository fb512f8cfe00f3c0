package tech.brokerbridge.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar as the README's first command runs it ({@code java -jar launcher/target/brokerbridge.jar
 * serve}), on its embedded defaults: every adapter it needs must be inside the jar. Run by failsafe
 * after {@code package}.
 */
class RunnableJarIT {
    @TempDir
    Path home;

    @Test
    void theJarStartsOnItsDefaultsScansAndStops() throws Exception {
        ProcessBuilder pb = jar("serve", "--port", "0");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        List<String> out = Collections.synchronizedList(new ArrayList<>());
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String base = ListeningUrl.await(r, out, Duration.ofSeconds(60))
                    .orElseThrow(() -> new AssertionError("no URL line:\n" + String.join("\n", out)));
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/api/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), health.body());
            assertTrue(health.body().contains("\"license\":{\"status\":\"evaluation\"}"), health.body());
            HttpResponse<String> scan = http.send(HttpRequest.newBuilder(URI.create(base + "/api/scan"))
                    .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, scan.statusCode(), scan.body());
            HttpResponse<String> license = http.send(HttpRequest.newBuilder(URI.create(base + "/api/license")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, license.statusCode(), license.body());
            p.toHandle().destroy();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), "SIGTERM is a graceful stop: exit 0, not 143");
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void ctrlCAndTheStopCommandEachStopTheJarWithExit0() throws Exception {
        // with SIGINT ignored (a background job without job control) the children inherit that: no Ctrl-C then
        List<List<String>> stops = DaemonProcess.sigintIgnored() ? List.of(List.of("stop"))
                : List.of(List.of("kill", "-INT"), List.of("stop"));
        for (List<String> stop : stops) {
            Process daemon = jar("serve", "--port", "0").redirectErrorStream(true).start();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(daemon.getInputStream(),
                    StandardCharsets.UTF_8))) {
                assertTrue(ListeningUrl.await(r, new ArrayList<>(), Duration.ofSeconds(60)).isPresent(),
                        "the daemon did not start");
                assertEquals(0, finish(jar("status")), "status sees the running daemon");
                if (stop.get(0).equals("kill")) {
                    assertEquals(0, finish(new ProcessBuilder("kill", "-INT", Long.toString(daemon.pid()))));
                } else {
                    assertEquals(0, finish(jar("stop")), "brokerbridge stop");
                }
                assertTrue(daemon.waitFor(30, TimeUnit.SECONDS));
                assertEquals(0, daemon.exitValue(), stop + " is a graceful stop: exit 0");
                assertEquals(6, finish(jar("status")), "status: not running");
            } finally {
                daemon.destroyForcibly();
            }
        }
    }

    /** {@code java -jar brokerbridge.jar args} on this test's data directory. */
    private ProcessBuilder jar(String... args) {
        Path jar = Path.of(System.getProperty("brokerbridge.jar", "target/brokerbridge.jar"));
        assertTrue(Files.isRegularFile(jar), "no jar at " + jar);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        return DaemonProcess.isolated(new ProcessBuilder(cmd), home, "jar-smoke-machine-id");
    }

    private static int finish(ProcessBuilder pb) throws Exception {
        Process p = pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the command did not finish: " + pb.command());
        return p.exitValue();
    }
}
