package tech.brokerbridge.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tech.brokerbridge.ai.fake.Canned;
import tech.brokerbridge.ports.fakes.LoopbackHttpServer.Recorded;
import tech.brokerbridge.ai.fake.FakeProviderServer;
import tech.brokerbridge.ai.fake.ProviderApi;
import tech.brokerbridge.ports.Secret;

/** The credential test makes the cheapest authenticated call and answers ok / unauthorized / unreachable. */
class CredentialCheckTest {
    @ParameterizedTest
    @EnumSource(ProviderApi.class)
    void aGoodKeyIsOkWithOneCheapGet(ProviderApi f) {
        try (FakeProviderServer server = new FakeProviderServer(f, Support.key(f))) {
            CredentialCheck check = AdvisorFactory.testCredential(f.provider(), Secret.of(Support.key(f)),
                    Support.config(f, server, Duration.ofSeconds(5)));
            assertEquals(CredentialCheck.Result.OK, check.result(), check.message());
            Recorded r = server.last();
            assertEquals(1, server.requests().size());
            assertEquals("GET", r.method());
            assertEquals(f.keyCheckPath(), r.path());
            assertEquals(Support.key(f), f.keyOf(r).orElseThrow());
            assertTrue(r.query().isEmpty());
            assertEquals("ok", check.result().wire());
        }
    }

    @ParameterizedTest
    @EnumSource(ProviderApi.class)
    void aBadKeyIsUnauthorizedAndTheMessageNeverHoldsIt(ProviderApi f) {
        try (FakeProviderServer server = new FakeProviderServer(f, Support.key(f))) {
            String wrong = "wrong-key-123456";
            CredentialCheck check = AdvisorFactory.testCredential(f.provider(), Secret.of(wrong),
                    Support.config(f, server, Duration.ofSeconds(5)));
            assertEquals(CredentialCheck.Result.UNAUTHORIZED, check.result(), check.message());
            assertFalse(check.message().contains(wrong));
        }
    }

    @ParameterizedTest
    @EnumSource(ProviderApi.class)
    void aClosedPortOrAServerErrorIsUnreachable(ProviderApi f) throws IOException {
        AdvisorConfig cfg = AdvisorConfig.defaults().withBaseUrl(f.provider(), Support.closedBaseUrl(f));
        CredentialCheck down = AdvisorFactory.testCredential(f.provider(), Secret.of(Support.key(f)), cfg);
        assertEquals(CredentialCheck.Result.UNREACHABLE, down.result());
        assertEquals("cannot reach 127.0.0.1", down.message());

        try (FakeProviderServer server = new FakeProviderServer(f, Support.key(f)).then(f.overloaded())) {
            CredentialCheck busy = AdvisorFactory.testCredential(f.provider(), Secret.of(Support.key(f)),
                    Support.config(f, server, Duration.ofSeconds(5)));
            assertEquals(CredentialCheck.Result.UNREACHABLE, busy.result());
            assertEquals(1, server.requests().size(), "no retry");
        }
    }

    @ParameterizedTest
    @EnumSource(ProviderApi.class)
    void aSlowProviderIsUnreachable(ProviderApi f) {
        try (FakeProviderServer server = new FakeProviderServer(f, Support.key(f)).then(Canned.hanging())) {
            CredentialCheck check = AdvisorFactory.testCredential(f.provider(), Secret.of(Support.key(f)),
                    Support.config(f, server, Duration.ofMillis(300)));
            assertEquals(CredentialCheck.Result.UNREACHABLE, check.result());
            assertTrue(check.message().contains("did not answer"), check.message());
        }
    }

    @Test
    void anEmptyKeyIsUnauthorizedWithoutACall() {
        try (FakeProviderServer server = new FakeProviderServer(ProviderApi.OPENAI, "k")) {
            CredentialCheck check = AdvisorFactory.testCredential("openai", Secret.of(""),
                    Support.config(ProviderApi.OPENAI, server, Duration.ofSeconds(5)));
            assertEquals(CredentialCheck.Result.UNAUTHORIZED, check.result());
            assertTrue(server.requests().isEmpty());
        }
    }

    @Test
    void offlineNeedsNoKeyAndUnknownProvidersAreRefused() {
        assertEquals(CredentialCheck.Result.OK,
                AdvisorFactory.testCredential("offline", Secret.of(""), AdvisorConfig.defaults()).result());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AdvisorFactory.testCredential("mistral", Secret.of("k"), AdvisorConfig.defaults()));
        assertTrue(e.getMessage().contains("offline, claude, openai, openrouter, google"), e.getMessage());
    }
}
