package tech.brokerbridge.launcher.browser;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import tech.brokerbridge.launcher.ListeningUrl;

/**
 * The packaged jar ({@code java -jar brokerbridge.jar serve}) on a fresh data directory, in paper mode,
 * on a free port, with its clock started at a given instant (a weekday in the US session, so paper orders
 * fill). Output is kept for failure messages.
 */
final class JarDaemon implements AutoCloseable {
    final Process process;
    final String url;
    final List<String> output = Collections.synchronizedList(new ArrayList<>());

    JarDaemon(Path home, String clockStart) throws IOException, InterruptedException {
        this(home, clockStart, java.util.Map.of());
    }

    /** With extra environment variables (e.g. {@code BROKERBRIDGE_ADMIN_TOKEN}). */
    JarDaemon(Path home, String clockStart, java.util.Map<String, String> env) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("brokerbridge.jar", "target/brokerbridge.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no jar at " + jar + ": run after `package`");
        }
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dbrokerbridge.clock_start=" + clockStart, "-jar", jar.toString(), "serve", "--port", "0");
        pb.environment().keySet().removeIf(k -> k.startsWith("BROKERBRIDGE_"));
        pb.environment().put("BROKERBRIDGE_HOME", home.toString());
        pb.environment().put("BROKERBRIDGE_SECRETS_BACKEND", "file");
        pb.environment().put("BROKERBRIDGE_MACHINE_ID", "browser-test-machine-id");
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        process = pb.start();
        BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Optional<String> found = ListeningUrl.await(r, output, Duration.ofSeconds(90));
        if (found.isEmpty()) {
            process.destroyForcibly();
            throw new IllegalStateException("the daemon did not start:\n" + String.join("\n", output));
        }
        url = found.get() + "/";
        Thread pump = new Thread(() -> {
            try {
                String l;
                while ((l = r.readLine()) != null) {
                    output.add(l);
                }
            } catch (IOException e) {
                output.add("(output closed: " + e.getMessage() + ")");
            }
        }, "jar-daemon-output");
        pump.setDaemon(true);
        pump.start();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
