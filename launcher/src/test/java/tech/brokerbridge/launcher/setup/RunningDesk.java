package tech.brokerbridge.launcher.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import tech.brokerbridge.launcher.config.Config;
import tech.brokerbridge.launcher.config.ConfigLoader;
import tech.brokerbridge.launcher.wiring.DeskRuntime;

/**
 * The whole desk in this JVM, built as {@code serve} builds it ({@link DeskRuntime}, Guice) on port 0
 * with its own data directory, the file vault and a fixed machine id, plus an HTTP client that keeps
 * every answer so that a test can scan them.
 */
final class RunningDesk implements AutoCloseable {
    static final String MACHINE_A = "test-machine-aaaa-0001";
    private static final ObjectMapper JSON = new ObjectMapper();

    final Path home;
    final Config config;
    final DeskRuntime runtime;
    final List<HttpResponse<String>> answers = new CopyOnWriteArrayList<>();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private RunningDesk(Path home, Config config) {
        this.home = home;
        this.config = config;
        this.runtime = DeskRuntime.create(config, Clock.systemUTC());
        runtime.start();
    }

    /** A desk on {@code home} with machine id {@link #MACHINE_A} and {@code env} on top. */
    static RunningDesk start(Path home, Map<String, String> env) {
        return new RunningDesk(home, config(home, env));
    }

    static Config config(Path home, Map<String, String> env) {
        Map<String, String> all = new HashMap<>();
        all.put("BROKERBRIDGE_HOME", home.toString());
        all.put("BROKERBRIDGE_PORT", "0");
        all.put("BROKERBRIDGE_SECRETS_BACKEND", "file");
        all.put("BROKERBRIDGE_MACHINE_ID", MACHINE_A);
        all.putAll(env);
        return ConfigLoader.load(all, home, Optional.empty(), Map.of());
    }

    <T> T get(Class<T> type) {
        return runtime.injector().getInstance(type);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> delete(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(b.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        answers.add(r);
        return r;
    }

    JsonNode json(HttpResponse<String> r, int status) throws IOException {
        assertEquals(status, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    JsonNode getJson(String path) throws IOException, InterruptedException {
        return json(get(path), 200);
    }

    /** {@code {"provider","credential"}} with api_key. */
    static String credential(String provider, String value) {
        return "{\"provider\":\"" + provider + "\",\"auth_type\":\"api_key\",\"credential\":\"" + value + "\"}";
    }

    private URI uri(String path) {
        return URI.create(runtime.url() + path);
    }

    @Override
    public void close() {
        runtime.stop();
    }
}
