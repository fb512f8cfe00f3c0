package tech.brokerbridge.launcher.ai;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import tech.brokerbridge.ai.fake.ProviderApi;
import tech.brokerbridge.ai.fake.ProviderJson;
import tech.brokerbridge.launcher.config.ConfigLoader;
import tech.brokerbridge.launcher.wiring.DeskRuntime;
import tech.brokerbridge.ports.Secret;
import tech.brokerbridge.ports.secrets.SecretStore;

/**
 * The whole desk from the real Guice modules, in-process on an ephemeral port, with the file vault,
 * a fixed machine id and a clock pinned to a US trading session (so the paper market trades and
 * every scan sees the same bars). Talked to through the real HTTP API only.
 */
public final class TestDesk implements AutoCloseable {
    /** Friday 27 Nov 2026, 11:00 New York: the market is open. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T16:00:00Z"), ZoneOffset.UTC);
    public static final String MACHINE_ID = "machine-id-CANARY-7f3a9c2e41";

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    final DeskRuntime runtime;

    private TestDesk(DeskRuntime runtime) {
        this.runtime = runtime;
    }

    /** A desk in {@code home}, with these environment variables and flags on top of the test defaults. */
    static TestDesk start(Path home, Map<String, String> env, Map<String, String> flags) {
        return start(home, env, flags, CLOCK);
    }

    /** The same on another clock. */
    public static TestDesk start(Path home, Map<String, String> env, Map<String, String> flags, Clock clock) {
        Map<String, String> e = new HashMap<>(Map.of("BROKERBRIDGE_SECRETS_BACKEND", "file",
                "BROKERBRIDGE_MACHINE_ID", MACHINE_ID));
        e.putAll(env);
        Map<String, String> f = new HashMap<>(Map.of("port", "0", "rate_limit", "1000/60s"));
        f.putAll(flags);
        DeskRuntime runtime = DeskRuntime.create(ConfigLoader.load(e, home, Optional.of(home), f), clock);
        try {
            runtime.start();
        } catch (RuntimeException ex) {
            runtime.stop();
            throw ex;
        }
        return new TestDesk(runtime);
    }

    /** A desk that asks {@code api}'s provider at {@code baseUrl}. */
    static TestDesk withProvider(Path home, ProviderApi api, URI baseUrl, Map<String, String> flags) {
        return start(home, Map.of("BROKERBRIDGE_AI_PROVIDER", api.provider(), api.baseUrlEnv(), baseUrl.toString()),
                flags);
    }

    /** Saves a provider's credential as the user does: {@code POST /api/credentials/save}. */
    public void saveCredential(String provider, String value) throws IOException, InterruptedException {
        JsonNode saved = post("/api/credentials/save", credential(provider, value));
        if (!saved.path("status").asText().equals("saved")) {
            throw new AssertionError("not saved: " + saved);
        }
    }

    /** The body of the credentials API for an API key. */
    static String credential(String provider, String value) {
        return "{\"provider\":\"" + provider + "\",\"auth_type\":\"api_key\",\"credential\":\"" + value + "\"}";
    }

    /** A provider's credential as {@code GET /api/credentials/status} shows it. */
    record CredentialState(String state, String message) {
    }

    CredentialState credentialStatus(String provider) throws IOException, InterruptedException {
        JsonNode s = get("/api/credentials/status");
        return new CredentialState(s.path("providers").path(provider).asText(),
                s.path("messages").path(provider).asText());
    }

    /** Puts a secret straight into the desk's vault (for one no API saves, e.g. the license key). */
    void saveSecret(String name, String value) {
        runtime.injector().getInstance(SecretStore.class).put(name, Secret.of(value));
    }

    public String url() {
        return runtime.url();
    }

    /** GET, answer 200 required, parsed. */
    public JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url() + path)).GET(), Duration.ofSeconds(30));
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + path + " → " + r.statusCode() + " " + r.body());
        }
        return ProviderJson.read(r.body());
    }

    /** POST a JSON body (or none), answer 200 required, parsed. */
    public JsonNode post(String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url() + path));
        b = body.isEmpty() ? b.POST(HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = send(b, Duration.ofSeconds(60));
        if (r.statusCode() != 200) {
            throw new AssertionError("POST " + path + " → " + r.statusCode() + " " + r.body());
        }
        return ProviderJson.read(r.body());
    }

    /** {@code POST /api/scan}: the scan report. */
    public JsonNode scan() throws IOException, InterruptedException {
        return post("/api/scan", "");
    }

    /** {@code GET /api/ai/audit} at its largest page: the exchanges, newest first. */
    List<JsonNode> audit() throws IOException, InterruptedException {
        List<JsonNode> out = new ArrayList<>();
        get("/api/ai/audit?limit=500").path("exchanges").forEach(out::add);
        return out;
    }

    /** The pending proposals. */
    public List<JsonNode> pendingProposals() throws IOException, InterruptedException {
        List<JsonNode> out = new ArrayList<>();
        get("/api/proposals?status=pending&limit=100").path("proposals").forEach(out::add);
        return out;
    }

    static CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest.Builder b,
            Duration timeout) {
        return HTTP.sendAsync(b.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
    }

    public static HttpResponse<String> send(HttpRequest.Builder b, Duration timeout) throws IOException, InterruptedException {
        return HTTP.send(b.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The decisions of a scan report with that outcome. */
    static List<JsonNode> decisions(JsonNode scan, String outcome) {
        List<JsonNode> out = new ArrayList<>();
        scan.path("decisions").forEach(d -> {
            if (d.path("outcome").asText().equals(outcome)) {
                out.add(d);
            }
        });
        return out;
    }

    /** The outcomes of a scan's decisions, for messages. */
    static List<String> outcomes(JsonNode scan) {
        List<String> out = new ArrayList<>();
        scan.path("decisions").forEach(d -> out.add(d.path("symbol").asText() + ":" + d.path("outcome").asText()));
        return out;
    }

    @Override
    public void close() {
        runtime.stop();
    }
}
