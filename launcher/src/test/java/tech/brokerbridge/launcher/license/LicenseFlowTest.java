package tech.brokerbridge.launcher.license;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.brokerbridge.launcher.config.ConfigLoader;
import tech.brokerbridge.launcher.wiring.DeskRuntime;
import tech.brokerbridge.ports.fakes.MutableClock;

/**
 * Licensing as a user meets it, through the real desk and HTTP API against a local Stripe-shaped
 * server: activate → licensed; a cancelled subscription → 403 after a refresh; Stripe unreachable →
 * grace, then invalid when grace runs out; activating on a second installation moves the license.
 */
class LicenseFlowTest {
    private static final String ADMIN = "admin-token-for-license-tests";
    private static final String SUB = "sub_1LocalTestLicense";
    private static final String KEY = "rk_test_localRestrictedKey";
    private static final String START = "2026-11-27T16:00:00Z";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path homeA;
    @TempDir
    Path homeB;

    private static LocalStripe stripeWithActiveSubscription() throws IOException {
        LocalStripe stripe = new LocalStripe(KEY);
        stripe.status.put(SUB, "active");
        return stripe;
    }

    private DeskRuntime desk(Path home, String machineId, String stripeBase, Clock clock) {
        DeskRuntime r = DeskRuntime.create(ConfigLoader.load(Map.of("BROKERBRIDGE_SECRETS_BACKEND", "file",
                "BROKERBRIDGE_MACHINE_ID", machineId, "BROKERBRIDGE_ADMIN_TOKEN", ADMIN,
                "BROKERBRIDGE_STRIPE_API_BASE", stripeBase), home, Optional.of(home), Map.of("port", "0")), clock);
        r.start();
        return r;
    }

    @Test
    void activateCancelGraceAndMove() throws Exception {
        MutableClock clock = MutableClock.at(START);
        try (LocalStripe stripe = stripeWithActiveSubscription()) {
            DeskRuntime a = desk(homeA, "machine-A-0001", stripe.base(), clock);
            try {
                assertEquals("evaluation", get(a, "/api/license").get("status").asText());

                JsonNode activated = post(a, "/api/license/activate",
                        "{\"license_key\":\"" + SUB + "\",\"stripe_key\":\"" + KEY + "\"}", 200);
                assertEquals("licensed", activated.get("status").asText(), activated.toString());
                String installationA = activated.get("installation_id").asText();
                assertEquals(installationA, stripe.boundTo.get(SUB));

                // requests never ask Stripe
                int before = stripe.calls.get();
                for (int i = 0; i < 50; i++) {
                    get(a, "/api/proposals");
                }
                assertEquals(before, stripe.calls.get(), "API requests must cost zero Stripe calls");

                // cancelled at Stripe: invalid after a refresh, and the API answers 403 with why
                stripe.status.put(SUB, "canceled");
                assertEquals("invalid", post(a, "/api/admin/license/refresh", "", 200).get("status").asText());
                HttpResponse<String> refused = send(a, "GET", "/api/proposals", "");
                assertEquals(403, refused.statusCode());
                assertTrue(refused.body().contains("canceled"), refused.body());

                // paid again, then Stripe unreachable: grace, then invalid once grace (72 h) is over
                stripe.status.put(SUB, "active");
                assertEquals("licensed", post(a, "/api/admin/license/refresh", "", 200).get("status").asText());
                stripe.close();
                clock.advance(Duration.ofHours(1));
                assertEquals("grace", post(a, "/api/admin/license/refresh", "", 200).get("status").asText());
                assertEquals(200, send(a, "GET", "/api/proposals", "").statusCode());
                clock.advance(Duration.ofHours(72));
                assertEquals("invalid", post(a, "/api/admin/license/refresh", "", 200).get("status").asText());
                assertEquals(403, send(a, "GET", "/api/proposals", "").statusCode());
            } finally {
                a.stop();
            }
        }
    }

    @Test
    void activatingOnAnotherInstallationMovesTheLicense() throws Exception {
        MutableClock clock = MutableClock.at(START);
        try (LocalStripe stripe = stripeWithActiveSubscription()) {
            DeskRuntime a = desk(homeA, "machine-A-0001", stripe.base(), clock);
            DeskRuntime b = desk(homeB, "machine-B-0002", stripe.base(), clock);
            try {
                String body = "{\"license_key\":\"" + SUB + "\",\"stripe_key\":\"" + KEY + "\"}";
                assertEquals("licensed", post(a, "/api/license/activate", body, 200).get("status").asText());
                assertEquals("licensed", post(b, "/api/license/activate", body, 200).get("status").asText());
                JsonNode moved = post(a, "/api/admin/license/refresh", "", 200);
                assertEquals("invalid", moved.get("status").asText());
                assertTrue(moved.get("reason").asText().contains("active on another installation"), moved.toString());
                assertEquals("licensed", post(b, "/api/admin/license/refresh", "", 200).get("status").asText());
            } finally {
                a.stop();
                b.stop();
            }
        }
    }

    private JsonNode get(DeskRuntime r, String path) throws Exception {
        HttpResponse<String> res = send(r, "GET", path, "");
        assertEquals(200, res.statusCode(), res.body());
        return JSON.readTree(res.body());
    }

    private JsonNode post(DeskRuntime r, String path, String body, int status) throws Exception {
        HttpResponse<String> res = send(r, "POST", path, body);
        assertEquals(status, res.statusCode(), res.body());
        return JSON.readTree(res.body());
    }

    private HttpResponse<String> send(DeskRuntime r, String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(r.url() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + ADMIN);
        if (method.equals("POST")) {
            b = body.isEmpty() ? b.POST(HttpRequest.BodyPublishers.noBody())
                    : b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
