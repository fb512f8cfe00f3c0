package tech.brokerbridge.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.notify.fake.FakeNtfyServer;
import tech.brokerbridge.notify.fake.FakeTelegramServer;
import tech.brokerbridge.notify.fake.MailServer;
import tech.brokerbridge.notify.fake.WebhookReceiver;
import tech.brokerbridge.ports.Secret;
import tech.brokerbridge.ports.fakes.InMemoryJournal;
import tech.brokerbridge.ports.fakes.InMemorySecretStore;
import tech.brokerbridge.ports.notify.ChannelTest;
import tech.brokerbridge.ports.journal.NotificationExchange;
import tech.brokerbridge.ports.journal.NotificationExchange.Outcome;

/**
 * Each channel against its local fake, through the published {@link Notifications#test}: what is sent,
 * with which credential from the vault, what the audit keeps (the exact body, secrets masked), and what
 * a refusal looks like.
 */
class ChannelsTest {
    private final InMemorySecretStore vault = new InMemorySecretStore();
    private final InMemoryJournal journal = new InMemoryJournal();

    private List<ChannelTest> test(NotifyConfig config, String channel) {
        try (Notifications n = NotifierFactory.create(config, vault, journal, Clock.systemUTC())) {
            return n.test(Optional.of(channel));
        }
    }

    @Test
    void ntfyPublishesJsonWithTitlePriorityTagsAndTheSavedToken() {
        String token = "tk_CANARYntfy0123456789abcdef";
        vault.put("ntfy.token", Secret.of(token));
        try (FakeNtfyServer ntfy = new FakeNtfyServer(Optional.of(token))) {
            List<ChannelTest> r = test(Fixtures.ntfy(URI.create(ntfy.topicUrl("desk-alerts"))), "ntfy");
            assertEquals(List.of(new ChannelTest("ntfy", "127.0.0.1", true, "HTTP 200")), r);
            JsonNode m = ntfy.published().get(0);
            assertEquals("desk-alerts", m.path("topic").asText());
            assertEquals("Test message", m.path("title").asText());
            assertEquals(3, m.path("priority").asInt());
            assertTrue(m.path("tags").isArray());
            NotificationExchange x = journal.notificationAudit(1).get(0);
            assertEquals(ntfy.requests().get(0).body(), x.body(), "the audit keeps the exact body");
            assertEquals(Outcome.SENT, x.outcome());
            assertEquals("127.0.0.1", x.destination());

            vault.put("ntfy.token", Secret.of("tk_wrong_token_456"));
            assertEquals(List.of(new ChannelTest("ntfy", "127.0.0.1", false,
                    "HTTP 403: {\"code\":40301,\"http\":403,\"error\":\"forbidden\"}")),
                    test(Fixtures.ntfy(URI.create(ntfy.topicUrl("desk-alerts"))), "ntfy"));
        }
    }

    @Test
    void theWebhookIsSignedSoThatAReceiverFollowingTheReadmeVerifiesIt() {
        vault.put("webhook.secret", Secret.of("whsec_CANARY_shared_secret_77"));
        try (WebhookReceiver receiver = new WebhookReceiver("whsec_CANARY_shared_secret_77", Clock.systemUTC())) {
            List<ChannelTest> r = test(Fixtures.webhook(URI.create(receiver.url())), "webhook");
            assertTrue(r.get(0).delivered(), r.toString());
            assertEquals(1, receiver.verified().size());
            JsonNode body = receiver.verified().get(0);
            assertEquals("test", body.path("event").asText());
            assertEquals("Test message", body.path("title").asText());
            // a receiver with another secret refuses it: the signature depends on the secret
            try (WebhookReceiver other = new WebhookReceiver("another-secret-entirely", Clock.systemUTC())) {
                List<ChannelTest> refused = test(Fixtures.webhook(URI.create(other.url())), "webhook");
                assertFalse(refused.get(0).delivered());
                assertTrue(refused.get(0).detail().startsWith("HTTP 401"), refused.toString());
                assertEquals(List.of(), other.verified());
            }
            journal.notificationAudit(10).forEach(x -> assertFalse(x.body().contains("whsec_CANARY"), x.body()));
        }
    }

    @Test
    void withoutAWebhookSecretNothingIsSent() {
        try (WebhookReceiver receiver = new WebhookReceiver("s", Clock.systemUTC())) {
            List<ChannelTest> r = test(Fixtures.webhook(URI.create(receiver.url())), "webhook");
            assertFalse(r.get(0).delivered());
            assertTrue(r.get(0).detail().contains("no webhook secret saved"), r.toString());
            assertEquals(List.of(), receiver.requests());
        }
    }

    @Test
    void telegramSendsToEachChatWithTheTokenOnlyInTheUrl() {
        String token = "123456:CANARY-bot-token-ABCdef";
        vault.put("telegram.bot_token", Secret.of(token));
        try (FakeTelegramServer telegram = new FakeTelegramServer(token, Clock.systemUTC())) {
            List<ChannelTest> r = test(Fixtures.telegram(telegram.baseUrl(), List.of("111", "-1002"), List.of("5"),
                    false), "telegram");
            assertEquals(2, r.size());
            r.forEach(t -> assertTrue(t.delivered(), t.toString()));
            assertEquals(List.of(111L, -1002L), telegram.sent().stream().map(m -> m.path("chat_id").asLong()).toList());
            telegram.requests().forEach(q -> assertFalse(q.body().contains(token)));
            journal.notificationAudit(10).forEach(x -> assertFalse(x.body().contains(token) || x.detail()
                    .contains(token)));

            vault.put("telegram.bot_token", Secret.of("999:wrong"));
            List<ChannelTest> refused = test(Fixtures.telegram(telegram.baseUrl(), List.of("111"), List.of(), false),
                    "telegram");
            assertTrue(refused.get(0).detail().startsWith("HTTP 401"), refused.toString());
        }
    }

    @Test
    void emailGoesOverTlsToATrustedServerWithTheSavedPassword() {
        vault.put("smtp.password", Secret.of("CANARY-mail-password-31"));
        try (MailServer mail = new MailServer("desk@example.org", "CANARY-mail-password-31")) {
            NotifyConfig.Smtp smtp = new NotifyConfig.Smtp("127.0.0.1", mail.tlsPort(), "tls", "desk@example.org",
                    "desk@example.org", List.of("trader@example.org"), mail.caFile().toString());
            List<ChannelTest> r = test(Fixtures.email(smtp), "email");
            assertTrue(r.get(0).delivered(), r.toString());
            assertTrue(mail.await(1, 10));
            String received = mail.received().get(0);
            assertTrue(received.contains("Subject: BrokerBridge: Test message"), received);
            assertTrue(received.contains("@brokerbridge.invalid>"), "a random Message-ID, no local host name");
            NotificationExchange x = journal.notificationAudit(1).get(0);
            assertTrue(x.body().contains("BrokerBridge can reach you here."), x.body());
            assertFalse(x.body().contains("CANARY-mail-password"));

            vault.put("smtp.password", Secret.of("wrong-password-1"));
            List<ChannelTest> refused = test(Fixtures.email(smtp), "email");
            assertTrue(refused.get(0).detail().contains("refused the login"), refused.toString());
        }
    }

    @Test
    void emailNeverFallsBackToPlainTextNorTrustsAnUnknownCertificate() {
        try (MailServer mail = new MailServer("desk@example.org", "pw-123456")) {
            NotifyConfig.Smtp plain = new NotifyConfig.Smtp("127.0.0.1", mail.plainPort(), "starttls", "", "desk@example.org",
                    List.of("trader@example.org"), "");
            List<ChannelTest> r = test(Fixtures.email(plain), "email");
            assertFalse(r.get(0).delivered());
            assertTrue(r.get(0).detail().contains("does not offer STARTTLS"), r.toString());

            NotifyConfig.Smtp untrusted = new NotifyConfig.Smtp("127.0.0.1", mail.tlsPort(), "tls", "", "desk@example.org",
                    List.of("trader@example.org"), "");
            List<ChannelTest> t = test(Fixtures.email(untrusted), "email");
            assertFalse(t.get(0).delivered());
            assertTrue(t.get(0).detail().startsWith("TLS"), t.toString());
            assertTrue(mail.received().isEmpty(), "nothing reached the server");
        }
    }

    @Test
    void aChannelThatIsNotConfiguredIsNotTested() {
        assertEquals(List.of(), test(Fixtures.none(), "ntfy"));
    }
}
