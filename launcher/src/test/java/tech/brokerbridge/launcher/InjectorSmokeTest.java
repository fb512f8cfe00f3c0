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
import tech.brokerbridge.launcher.wiring.DeskRuntime;
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
    void startsWithIbkrSelectedWhileNoGatewayIsUp() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        Config config = ConfigLoader.load(Map.of("BROKERBRIDGE_SECRETS_BACKEND", "file",
                "BROKERBRIDGE_MACHINE_ID", "smoke-test-machine", "BROKERBRIDGE_BROKER", "ibkr",
                "BROKERBRIDGE_IBKR_PORT", Integer.toString(closedPort)), home, Optional.of(home), Map.of("port", "0"));
        DeskRuntime runtime = DeskRuntime.create(config, Clock.systemUTC());
        runtime.start();
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(runtime.url() + "/api/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            assertTrue(r.body().contains("\"broker\":{\"name\":\"ibkr\",\"connected\":false"), r.body());
        } finally {
            runtime.stop();
        }
    }

    @Test
    void aRemoteIbkrHostIsAConfigurationError() {
        tech.brokerbridge.launcher.config.ConfigException e = assertThrows(
                tech.brokerbridge.launcher.config.ConfigException.class,
                () -> ConfigLoader.load(Map.of("BROKERBRIDGE_IBKR_HOST", "10.1.2.3"), home, Optional.of(home), Map.of()));
        assertTrue(e.getMessage().contains("ibkr.host must be a loopback address"), e.getMessage());
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
