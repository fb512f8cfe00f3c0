package tech.brokerbridge.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.stripe.Stripe;
import com.stripe.StripeClient;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.brokerbridge.ports.Secret;
import tech.brokerbridge.ports.license.LicenseService;
import tech.brokerbridge.ports.license.SubscriptionCheck;

/**
 * The product promises no telemetry: no {@code X-Stripe-Client-Telemetry} header ever, and nothing
 * about the machine, the user or the account in any header. Each proof runs with the SDK's global
 * telemetry switch turned back ON, so it holds for the adapter's own transport, and a control run
 * with the SDK's default transport shows that the detector does see the header when it is sent.
 */
class NoTelemetryTest {
    static final String TELEMETRY = "x-stripe-client-telemetry";
    static final String API_KEY = "rk_test_PrivacyCanary4242";
    static final String SUB = "sub_PrivacyCanary77";
    static final String INSTALLATION = "inst-privacy-canary-5150";
    /** What may reach Stripe: the allow-list plus what HttpURLConnection adds (caches off: no-cache). */
    static final Set<String> ALLOWED = Set.of("authorization", "stripe-version", "accept", "idempotency-key",
            "content-type", "user-agent", "host", "connection", "content-length", "cache-control", "pragma");

    private FakeStripeServer stripe;
    private boolean telemetryBefore;

    @TempDir
    Path sdkConfig;

    @BeforeEach
    void setUp() throws Exception {
        telemetryBefore = Stripe.enableTelemetry;
        SdkTelemetryId.redirect(sdkConfig);
        stripe = new FakeStripeServer().acceptKey(API_KEY).addSubscription(SUB, "active");
    }

    @AfterEach
    void tearDown() throws Exception {
        Stripe.enableTelemetry = telemetryBefore;
        stripe.close();
        SdkTelemetryId.redirect(null);
    }

    private LicenseService service() {
        return StripeLicenseServiceFactory.create(new StripeConfig(stripe.base(), Duration.ofSeconds(2),
                Duration.ofSeconds(5), 0, Duration.ofMillis(10)));
    }

    /** A new service, then the SDK's global switch turned back on, as if something else in the process did. */
    private LicenseService serviceWithTheSwitchTurnedBackOn() {
        LicenseService service = service();
        Stripe.enableTelemetry = true;
        return service;
    }

    @Test
    void creatingTheServiceSwitchesTheSdkTelemetryOff() {
        Stripe.enableTelemetry = true;
        service();
        assertFalse(Stripe.enableTelemetry);
    }

    @Test
    void noTelemetryIdFileIsWrittenEvenWithTheGlobalSwitchOn() throws Exception {
        LicenseService service = serviceWithTheSwitchTurnedBackOn();
        service.check(Secret.of(SUB), Secret.of(API_KEY));
        service.bind(Secret.of(SUB), Secret.of(API_KEY), INSTALLATION);
        assertFalse(Files.exists(sdkConfig.resolve("telemetry_id")), "the SDK wrote a telemetry id");
    }

    @Test
    void noTelemetryHeaderOnConsecutiveCallsEvenWithTheGlobalSwitchOn() {
        LicenseService service = serviceWithTheSwitchTurnedBackOn();
        for (int i = 0; i < 2; i++) {
            assertInstanceOf(SubscriptionCheck.Found.class, service.check(Secret.of(SUB), Secret.of(API_KEY)));
        }
        assertInstanceOf(SubscriptionCheck.Found.class,
                service.bind(Secret.of(SUB), Secret.of(API_KEY), INSTALLATION));
        assertInstanceOf(SubscriptionCheck.Found.class, service.check(Secret.of(SUB), Secret.of(API_KEY)));
        List<FakeStripeServer.Recorded> seen = stripe.requests();
        assertEquals(5, seen.size(), "two checks, a bind (its write and read-back), a check");
        for (FakeStripeServer.Recorded r : seen) {
            assertFalse(r.headers().containsKey(TELEMETRY), () -> "telemetry sent: " + r.headers());
            assertFalse(r.headers().containsKey("x-stripe-client-user-agent"), () -> r.headers().toString());
        }
    }

    @Test
    void theSdkDefaultTransportDoesSendTelemetrySoTheDetectorWorks() throws Exception {
        Stripe.enableTelemetry = true;
        StripeClient plain = StripeClient.builder().setApiKey(API_KEY).setApiBase(stripe.base().toString()).build();
        plain.v1().subscriptions().retrieve(SUB);
        plain.v1().subscriptions().retrieve(SUB);
        List<FakeStripeServer.Recorded> seen = stripe.requests();
        assertEquals(2, seen.size());
        assertTrue(seen.get(1).headers().containsKey(TELEMETRY), () -> "control: " + seen.get(1).headers());
        String clientUa = seen.get(0).header("X-Stripe-Client-User-Agent").orElse("");
        assertTrue(clientUa.contains(System.getProperty("os.name")), "control: the SDK describes the machine");
        String id = Files.readString(sdkConfig.resolve("telemetry_id")).trim();
        assertTrue(clientUa.contains(id), "control: and sends a persistent telemetry id it stored");
    }

    @Test
    void headersCarryNothingAboutTheMachineTheUserOrTheAccount() throws Exception {
        LicenseService service = serviceWithTheSwitchTurnedBackOn();
        service.check(Secret.of(SUB), Secret.of(API_KEY));
        service.bind(Secret.of(SUB), Secret.of(API_KEY), INSTALLATION);
        service.check(Secret.of(SUB), Secret.of(API_KEY));

        List<String> revealing = new ArrayList<>(List.of(System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("java.version"),
                System.getProperty("java.vendor"), System.getProperty("java.vm.version"),
                System.getProperty("user.name"), System.getProperty("user.home"), "AIAgent", "ai_agent",
                "telemetry", "cus_", INSTALLATION, SUB));
        String host = InetAddress.getLocalHost().getHostName();
        if (host.length() > 3) {
            revealing.add(host);
        }
        Set<String> names = new TreeSet<>();
        for (FakeStripeServer.Recorded r : stripe.requests()) {
            names.addAll(r.headers().keySet());
            assertEquals(PrivateUa.EXPECTED, r.header("User-Agent").orElse(""));
            for (Map.Entry<String, List<String>> h : r.headers().entrySet()) {
                if (h.getKey().equals("host")) {
                    continue; // 127.0.0.1:port
                }
                String value = String.join(",", h.getValue());
                for (String secret : revealing) {
                    assertFalse(value.toLowerCase(Locale.ROOT).contains(secret.toLowerCase(Locale.ROOT)),
                            () -> h.getKey() + " reveals '" + secret + "': " + value);
                }
                if (!h.getKey().equals("authorization")) {
                    assertFalse(value.contains(API_KEY), () -> h.getKey() + " carries the API key");
                }
            }
        }
        assertTrue(ALLOWED.containsAll(names), () -> "unexpected headers: " + names);
        assertEquals("Bearer " + API_KEY, stripe.requests().get(0).header("Authorization").orElse(""));
        assertTrue(stripe.requests().get(0).header("Stripe-Version").isPresent(), "pins the API version");
        assertEquals(Map.of("metadata[brokerbridge_installation]", INSTALLATION),
                FakeStripeServer.form(stripe.requests().get(1).body()), "the installation id goes in the body only");
        assertTrue(stripe.requests().get(1).header("Idempotency-Key").isPresent());
    }

    /** The one user agent the adapter sends. */
    static final class PrivateUa {
        static final String EXPECTED = "Stripe/v1 JavaBindings/" + Stripe.VERSION;
    }
}
