package tech.brokerbridge.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.http.testing.MutableClock;
import tech.brokerbridge.http.testing.StubDesk;
import tech.brokerbridge.http.testing.StubSetupDesk;
import tech.brokerbridge.http.testing.TestServer;
import tech.brokerbridge.http.testing.WatchedServer;
import tech.brokerbridge.ports.Secret;
import tech.brokerbridge.ports.desk.ActivationResult;
import tech.brokerbridge.ports.desk.LicenseDesk;
import tech.brokerbridge.ports.license.LicenseState;
import tech.brokerbridge.ports.license.LicenseStatus;

/** License activation and refresh over a real socket, against a scripted license desk. */
class LicenseRoutesSocketTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LICENSE_KEY = "sub_PLANTEDlicense0042";
    private static final String STRIPE_KEY = "rk_test_PLANTEDstripe9f8e7d";

    private final StubDesk desk = new StubDesk();
    private final ScriptedLicense license = new ScriptedLicense();
    private final WatchedServer server = new WatchedServer(HttpServerFactory.create(withAdmin(TestServer.config()),
            desk, new StubSetupDesk(), license, MutableClock.at("2026-03-02T15:00:00Z"), Map::of), LICENSE_KEY,
            STRIPE_KEY);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void activationAnswersTheNewLicenseState() throws Exception {
        license.answer = (keys) -> new ActivationResult.Activated(StubDesk.license(LicenseStatus.LICENSED, "licensed"));
        JsonNode body = json(activate("{\"license_key\":\"" + LICENSE_KEY + "\",\"stripe_key\":\"" + STRIPE_KEY + "\"}"),
                200);
        assertEquals("licensed", body.get("status").asText());
        assertEquals(List.of(LICENSE_KEY, STRIPE_KEY), license.received);
    }

    @Test
    void refusalsMapToStatusesWithTheReason() throws Exception {
        String keys = "{\"license_key\":\"" + LICENSE_KEY + "\",\"stripe_key\":\"" + STRIPE_KEY + "\"}";
        for (var c : Map.of(ActivationResult.Cause.UNKNOWN_SUBSCRIPTION, 422, ActivationResult.Cause.KEY_REFUSED, 422,
                ActivationResult.Cause.SUBSCRIPTION_INACTIVE, 422, ActivationResult.Cause.INVALID_INPUT, 422,
                ActivationResult.Cause.UNREACHABLE, 503).entrySet()) {
            license.answer = k -> new ActivationResult.Refused(c.getKey(), "because " + c.getKey().code(),
                    StubDesk.license(LicenseStatus.EVALUATION, "evaluation"));
            JsonNode err = json(activate(keys), c.getValue()).get("error");
            assertEquals(c.getKey().code(), err.get("code").asText());
            assertEquals("because " + c.getKey().code(), err.get("message").asText());
        }
    }

    @Test
    void badBodiesNeverReachTheDeskAndNeverEchoTheKeys() throws Exception {
        assertEquals("license_key", json(activate("{\"stripe_key\":\"" + STRIPE_KEY + "\"}"), 400)
                .get("error").get("field").asText());
        json(activate("{\"license_key\":\"" + LICENSE_KEY + "\",\"stripe_key\":\"" + STRIPE_KEY + "\",\"x\":1}"), 400);
        json(activate("{\"license_key\":" + LICENSE_KEY.length() + ",\"stripe_key\":\"" + STRIPE_KEY + "\"}"), 400);
        json(activate("{\"license_key\":\"" + LICENSE_KEY + "\",\"stripe_key\":\"" + STRIPE_KEY), 400);
        assertEquals(0, license.calls.get());
    }

    @Test
    void refreshNeedsTheAdminToken() throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri("/api/admin/license/refresh"))
                .POST(HttpRequest.BodyPublishers.noBody());
        assertEquals(401, server.send(b.build()).statusCode());
        HttpResponse<String> ok = server.send(b.header("Authorization", "Bearer " + TestServer.ADMIN_TOKEN).build());
        assertEquals("grace", json(ok, 200).get("status").asText());
        assertEquals(1, license.refreshes.get());
    }

    private HttpResponse<String> activate(String body) throws Exception {
        return server.send(HttpRequest.newBuilder(server.uri("/api/license/activate"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static JsonNode json(HttpResponse<String> r, int status) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("X-Request-Id").isPresent());
        return JSON.readTree(r.body());
    }

    private static HttpServerConfig withAdmin(HttpServerConfig c) {
        return new HttpServerConfig(c.port(), c.rateLimitRequests(), c.rateLimitWindow(), c.allowedHosts(),
                Optional.of(Secret.of(TestServer.ADMIN_TOKEN)), c.maxBodyBytes(), c.idleTimeout(), c.blockingThreads(),
                c.version());
    }

    /** A license desk whose activation answer is scripted and which records what it received. */
    static final class ScriptedLicense implements LicenseDesk {
        volatile Function<List<String>, ActivationResult> answer;
        final List<String> received = new ArrayList<>();
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger refreshes = new AtomicInteger();

        @Override
        public LicenseState license() {
            return StubDesk.license(LicenseStatus.EVALUATION, "evaluation");
        }

        @Override
        public ActivationResult activate(Secret licenseKey, Secret stripeKey) {
            calls.incrementAndGet();
            received.clear();
            received.add(licenseKey.reveal());
            received.add(stripeKey.reveal());
            return answer.apply(received);
        }

        @Override
        public LicenseState refresh() {
            refreshes.incrementAndGet();
            return StubDesk.license(LicenseStatus.GRACE, "grace");
        }
    }
}
