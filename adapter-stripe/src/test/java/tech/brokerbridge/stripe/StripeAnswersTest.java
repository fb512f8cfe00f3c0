package tech.brokerbridge.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ports.Secret;
import tech.brokerbridge.ports.license.LicenseService;
import tech.brokerbridge.ports.license.SubscriptionCheck;

/** How each of Stripe's answers, error objects and network failures maps to the port's answers. */
class StripeAnswersTest {
    static final String KEY = "rk_test_Mapping1234";
    static final String SUB = "sub_Mapping55";
    private FakeStripeServer stripe;

    @BeforeEach
    void setUp() throws Exception {
        stripe = new FakeStripeServer().acceptKey(KEY).readOnlyKey("rk_test_ReadOnly").addSubscription(SUB, "active");
    }

    @AfterEach
    void tearDown() {
        stripe.close();
    }

    private LicenseService service(int retries, Duration read) {
        return StripeLicenseServiceFactory.create(new StripeConfig(stripe.base(), Duration.ofSeconds(2), read,
                retries, Duration.ofMillis(10)));
    }

    private LicenseService service() {
        return service(0, Duration.ofSeconds(5));
    }

    private SubscriptionCheck check(LicenseService s) {
        return s.check(Secret.of(SUB), Secret.of(KEY));
    }

    private static void assertKeyless(SubscriptionCheck answer) {
        String text = answer.toString();
        assertFalse(text.contains(SUB) || text.contains(KEY) || text.contains("1234"), text);
    }

    @Test
    void aSubscriptionMapsItsIdStatusBindingAndPeriodEnd() {
        SubscriptionCheck.Found f = assertInstanceOf(SubscriptionCheck.Found.class, check(service()));
        assertEquals(SUB, f.subscriptionId());
        assertEquals("active", f.status());
        assertEquals(Optional.empty(), f.boundInstallation());
        assertEquals(Optional.of(Instant.ofEpochSecond(FakeStripeServer.PERIOD_END)), f.currentPeriodEnd());
        FakeStripeServer.Recorded r = stripe.requests().get(0);
        assertEquals("GET", r.method());
        assertEquals("/v1/subscriptions/" + SUB, r.path());
    }

    @Test
    void bindWritesTheMetadataKeyAndLeavesOtherKeysAlone() {
        LicenseService s = service();
        s.bind(Secret.of(SUB), Secret.of(KEY), "inst-1");
        SubscriptionCheck.Found f = assertInstanceOf(SubscriptionCheck.Found.class,
                s.bind(Secret.of(SUB), Secret.of(KEY), "inst-2"));
        assertEquals(Optional.of("inst-2"), f.boundInstallation());
        assertEquals(Map.of("brokerbridge_installation", "inst-2"), stripe.metadata(SUB));
        FakeStripeServer.Recorded r = stripe.requests().get(2);   // write, read-back, write
        assertEquals("POST", r.method());
        assertEquals("/v1/subscriptions/" + SUB, r.path());
        assertTrue(r.header("Content-Type").orElse("").startsWith("application/x-www-form-urlencoded"));
    }

    @Test
    void anInvalidKeyIsUnauthorizedWithoutQuotingTheMaskedKey() {
        SubscriptionCheck a = service().check(Secret.of(SUB), Secret.of("rk_test_Wrong1234"));
        assertInstanceOf(SubscriptionCheck.Unauthorized.class, a);
        assertTrue(((SubscriptionCheck.Unauthorized) a).reason().contains("401"), a.toString());
        assertKeyless(a);
    }

    @Test
    void aKeyWithoutWritePermissionIsUnauthorizedOnBind() {
        SubscriptionCheck a = service().bind(Secret.of(SUB), Secret.of("rk_test_ReadOnly"), "inst-1");
        SubscriptionCheck.Unauthorized u = assertInstanceOf(SubscriptionCheck.Unauthorized.class, a);
        assertTrue(u.reason().contains("403"), u.reason());
    }

    @Test
    void noSuchSubscriptionIsNotFoundWithoutQuotingTheId() {
        SubscriptionCheck a = service().check(Secret.of("sub_Missing1234"), Secret.of(KEY));
        assertInstanceOf(SubscriptionCheck.NotFound.class, a);
        assertFalse(a.toString().contains("sub_Missing1234"), a.toString());
    }

    @Test
    void aLicenseKeyThatIsNotASubscriptionIdIsNotFoundWithoutACall() {
        assertInstanceOf(SubscriptionCheck.NotFound.class, service().check(Secret.of("../customers/cus_1"),
                Secret.of(KEY)));
        assertInstanceOf(SubscriptionCheck.NotFound.class, service().check(Secret.of(""), Secret.of(KEY)));
        assertInstanceOf(SubscriptionCheck.Unauthorized.class, service().check(Secret.of(SUB), Secret.of("")));
        assertEquals(0, stripe.hits());
    }

    @Test
    void rateLimitingIsUnreachableAndNotRetriedWithoutStripesSay() {
        stripe.answerError(429, "invalid_request_error", "rate_limit", "Too many requests", Map.of());
        SubscriptionCheck.Unreachable u = assertInstanceOf(SubscriptionCheck.Unreachable.class, check(service(2,
                Duration.ofSeconds(5))));
        assertTrue(u.reason().contains("429"), u.reason());
        assertEquals(1, stripe.hits());
    }

    @Test
    void serverErrorsAreUnreachableAfterAtMostTwoRetries() {
        stripe.answerError(500, "api_error", null, "Something went wrong on Stripe's end.", Map.of());
        SubscriptionCheck.Unreachable u = assertInstanceOf(SubscriptionCheck.Unreachable.class, check(service(2,
                Duration.ofSeconds(5))));
        assertTrue(u.reason().contains("500"), u.reason());
        assertEquals(3, stripe.hits(), "first try plus 2 retries");
    }

    @Test
    void stripeShouldRetryFalseStopsRetries() {
        stripe.answerError(503, "api_error", null, "busy", Map.of("Stripe-Should-Retry", "false"));
        assertInstanceOf(SubscriptionCheck.Unreachable.class, check(service(2, Duration.ofSeconds(5))));
        assertEquals(1, stripe.hits());
    }

    @Test
    void aNonJsonAnswerIsUnreachable() {
        stripe.answerRaw(502, "text/html", "<html>Bad gateway</html>");
        assertInstanceOf(SubscriptionCheck.Unreachable.class, check(service()));
        stripe.answerRaw(200, "application/json", "{\"id\":");
        assertInstanceOf(SubscriptionCheck.Unreachable.class, check(service()));
        stripe.answerRaw(200, "application/json", "{}");
        assertInstanceOf(SubscriptionCheck.Unreachable.class, check(service()));
    }

    @Test
    void aNotFoundWithoutResourceMissingIsAWrongBaseNotAMissingLicense() {
        stripe.answerError(404, "invalid_request_error", null, "Unrecognized request URL", Map.of());
        assertInstanceOf(SubscriptionCheck.Unreachable.class, check(service()));
    }

    @Test
    void aBadRequestIsUnreachableNotInvalid() {
        stripe.answerError(400, "invalid_request_error", "parameter_unknown", "Received unknown parameter", Map.of());
        assertInstanceOf(SubscriptionCheck.Unreachable.class, check(service()));
    }

    @Test
    void aRefusedConnectionIsUnreachable() {
        LicenseService s = service();
        stripe.down();
        SubscriptionCheck.Unreachable u = assertInstanceOf(SubscriptionCheck.Unreachable.class, check(s));
        assertTrue(u.reason().contains("could not connect"), u.reason());
        assertKeyless(u);
        assertFalse(u.reason().contains("127.0.0.1"), "no URL in the reason: " + u.reason());
    }

    @Test
    void aSlowStripeIsUnreachableAfterTheReadTimeout() {
        stripe.slow(Duration.ofSeconds(20));
        SubscriptionCheck.Unreachable u = assertInstanceOf(SubscriptionCheck.Unreachable.class,
                service(0, Duration.ofMillis(300)).check(Secret.of(SUB), Secret.of(KEY)));
        assertTrue(u.reason().contains("in time"), u.reason());
    }

    @Test
    void anUnknownFutureStatusPassesThroughForTheCoreToJudge() {
        LicenseService s = service();
        assertEquals(Optional.empty(),
                assertInstanceOf(SubscriptionCheck.Found.class, check(s)).boundInstallation());
        stripe.setStatus(SUB, "some_future_status");
        assertEquals("some_future_status", assertInstanceOf(SubscriptionCheck.Found.class, check(s)).status());
    }
}
