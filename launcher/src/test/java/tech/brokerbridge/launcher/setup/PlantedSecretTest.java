package tech.brokerbridge.launcher.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.brokerbridge.ai.AdvisorHandle;
import tech.brokerbridge.launcher.Main;
import tech.brokerbridge.launcher.logging.LogFile;
import tech.brokerbridge.ports.advisor.AdvisorException;
import tech.brokerbridge.ports.tck.AdvisorContract;

/**
 * Plants recognisable secrets, runs the save, test, status and delete flows through a real socket, the
 * AI adapter's calls and the {@code credentials} command in a child process, and scans every response
 * body and header, every log line (all levels), the daemon's log file and every file of the data
 * directory for them.
 */
class PlantedSecretTest {
    static final String GOOD = "sk-PLANTED-good-7c1d9e2f4a6b";
    static final String BAD = "sk-PLANTED-bad-3e5f7a9b1c2d";
    static final String CLI = "sk-PLANTED-cli-8a6c4e2f0b1d";
    static final String ADMIN = "admin-token-for-the-scan-0123";
    @TempDir
    Path home;

    @Test
    void noSecretAppearsInAnyAnswerLogLineOrFile() throws Exception {
        List<String> seen = new ArrayList<>();
        try (LogCapture logs = new LogCapture(); LogFile file = LogFile.attach(home); FakeProviders f = new FakeProviders(GOOD)) {
            Map<String, String> env = new HashMap<>(f.env());
            env.put("BROKERBRIDGE_AI_PROVIDER", "claude");
            env.put("BROKERBRIDGE_ADMIN_TOKEN", ADMIN);
            try (RunningDesk d = RunningDesk.start(home, env)) {
                exercise(d);
                for (HttpResponse<String> r : d.answers) {
                    seen.add(r.request().method() + " -> " + r.statusCode() + " " + r.headers().map() + " " + r.body());
                }
            }
            seen.addAll(logs.lines());
            assertTrue(logs.lines().stream().anyMatch(l -> l.contains("credential for claude saved")),
                    "the log was captured");
        }
        seen.add(cli("set", "openrouter"));
        seen.add(cli("list"));
        seen.add(cli("delete", "openrouter"));
        try (Stream<Path> files = Files.walk(home)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(p);
                if (p.toString().endsWith(".gz")) { // rolled-over log files
                    bytes = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(bytes)).readAllBytes();
                }
                seen.add(p + ": " + new String(bytes, StandardCharsets.ISO_8859_1));
            }
        }
        assertTrue(Files.readString(LogFile.path(home)).contains("credential for claude saved"),
                "the daemon's log file was written and is scanned");
        for (String secret : List.of(GOOD, BAD, CLI)) {
            String part = secret.substring(11, 23);
            for (String s : seen) {
                assertFalse(s.contains(part), () -> "a secret (or part of it) leaked into: " + s);
            }
        }
        assertTrue(seen.size() > 40, "the scan covered the flows: " + seen.size());
    }

    private void exercise(RunningDesk d) throws Exception {
        for (String p : CredentialsApiTest.AI) {
            assertEquals("ok", d.json(d.post("/api/credentials/test", RunningDesk.credential(p, GOOD)), 200)
                    .get("result").asText());
            assertEquals("unauthorized", d.json(d.post("/api/credentials/test", RunningDesk.credential(p, BAD)), 200)
                    .get("result").asText());
        }
        d.json(d.post("/api/credentials/test", RunningDesk.credential("stripe", GOOD)), 200);
        d.json(d.post("/api/credentials/save", RunningDesk.credential("claude", BAD)), 200);
        AdvisorHandle advisor = d.get(AdvisorHandle.class);
        assertThrows(AdvisorException.class, () -> advisor.decide(AdvisorContract.strongLong("AAPL")));
        assertEquals("error", d.getJson("/api/credentials/status").get("providers").get("claude").asText());
        d.json(d.post("/api/credentials/save", RunningDesk.credential("claude", GOOD)), 200);
        d.json(d.post("/api/credentials/save", RunningDesk.credential("stripe", GOOD)), 200);
        advisor.decide(AdvisorContract.strongLong("AAPL"));
        assertEquals("connected", d.getJson("/api/credentials/status").get("providers").get("claude").asText());
        d.getJson("/api/setup/status");
        d.getJson("/api/setup/config");
        d.json(d.post("/api/setup/config", "{\"risk\":{\"max_open_trades\":3},\"ai_provider\":{\"model\":\"m-2\"}}"), 200);
        d.json(d.post("/api/setup/config", "{\"ai_provider\":{\"model\":\"" + GOOD + " x\"}}"), 422);
        d.getJson("/api/health");
        d.getJson("/api/ai/audit?limit=10");
        d.json(d.send(HttpRequest.newBuilder(java.net.URI.create(d.runtime.url() + "/api/admin/diagnostics"))
                .header("Authorization", "Bearer " + ADMIN).GET()), 200);
        // refused bodies that hold a secret in every place a parser or a check might quote it
        d.json(d.post("/api/credentials/save", "{\"provider\":\"claude\",\"credential\":" + GOOD + "}"), 400);
        d.json(d.post("/api/credentials/save", "{\"provider\":\"claude\",\"" + GOOD + "\":1,\"credential\":\"x\"}"), 400);
        d.json(d.post("/api/credentials/save", "{\"provider\":\"" + GOOD + "\",\"credential\":\"x\"}"), 422);
        d.json(d.post("/api/credentials/test", "{\"provider\":\"claude\",\"auth_type\":\"" + GOOD
                + "\",\"credential\":\"x\"}"), 422);
        d.json(d.post("/api/credentials/test", "{\"provider\":\"claude\",\"credential\":\"" + GOOD + "\",\"credential\":\""
                + BAD + "\"}"), 400);
        d.json(d.post("/api/credentials/save", RunningDesk.credential("ibkr", GOOD)), 422);
        d.json(d.post("/api/credentials/save", RunningDesk.credential("claude", GOOD + "x".repeat(5000))), 422);
        assertEquals(404, d.delete("/api/credentials/" + GOOD).statusCode());
        d.json(d.delete("/api/credentials/claude"), 200);
        d.json(d.delete("/api/credentials/stripe"), 200);
        d.getJson("/api/credentials/status");
    }

    /** Runs {@code brokerbridge credentials ...} in a child JVM (logs on its standard error); returns all it printed. */
    private String cli(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "credentials"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("BROKERBRIDGE_"));
        pb.environment().putAll(Map.of("BROKERBRIDGE_HOME", home.toString(), "BROKERBRIDGE_SECRETS_BACKEND", "file",
                "BROKERBRIDGE_MACHINE_ID", RunningDesk.MACHINE_A));
        Process p = pb.start();
        try (OutputStream stdin = p.getOutputStream()) {
            stdin.write((CLI + "\n").getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "credentials " + String.join(" ", args) + " did not finish");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        return "credentials " + String.join(" ", args) + ": " + out;
    }
}
