package tech.brokerbridge.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.ConfigurationException;
import com.google.inject.Stage;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.brokerbridge.launcher.config.Config;
import tech.brokerbridge.launcher.config.ConfigLoader;
import tech.brokerbridge.ports.broker.Broker;
import tech.brokerbridge.ports.desk.TradingDesk;

/** The whole desk from the real Guice modules, started and stopped in-process. */
class InjectorSmokeTest {
    @TempDir
    Path home;

    private Config config() {
        return ConfigLoader.load(Map.of("BROKERBRIDGE_SECRETS_BACKEND", "file",
                "BROKERBRIDGE_MACHINE_ID", "smoke-test-machine"), home, Optional.of(home), Map.of("port", "0"));
    }

    @Test
    void startsServesAndStopsTheWholeDesk() throws Exception {
        DeskRuntime runtime = DeskRuntime.create(config(), Clock.systemUTC());
        assertEquals(Stage.PRODUCTION, runtime.injector().getInstance(Stage.class));
        runtime.start();
        int port = runtime.port();
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(runtime.url() + "/api/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("\"broker\":{\"name\":\"paper\",\"connected\":true"), r.body());
        assertTrue(r.body().contains("\"license\":{\"status\":\"evaluation\"}"), r.body());
        assertSame(runtime.injector().getInstance(TradingDesk.class), runtime.injector().getInstance(TradingDesk.class));
        assertEquals("paper", runtime.injector().getInstance(Broker.class).name());

        runtime.stop();
        runtime.stop(); // idempotent
        assertThrows(ConnectException.class, () -> client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/health")).build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void bindingsAreExplicitOnly() {
        DeskRuntime runtime = DeskRuntime.create(config(), Clock.systemUTC());
        try {
            // a class nobody bound is not created just in time
            assertThrows(ConfigurationException.class, () -> runtime.injector().getInstance(StringBuilder.class));
        } finally {
            runtime.stop();
        }
    }
}
