package tech.brokerbridge.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tech.brokerbridge.notify.fake.RecordingServer.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.notify.fake.FakeNtfyServer;
import tech.brokerbridge.notify.fake.FakeTelegramServer;
import tech.brokerbridge.notify.fake.RecordingServer.Canned;
import tech.brokerbridge.ports.Secret;
import tech.brokerbridge.ports.events.DeskEvent;
import tech.brokerbridge.ports.fakes.InMemoryJournal;
import tech.brokerbridge.ports.fakes.InMemorySecretStore;
import tech.brokerbridge.ports.journal.ProposalStatus;
import tech.brokerbridge.ports.notify.ChannelStatus;
import tech.brokerbridge.ports.journal.NotificationExchange;
import tech.brokerbridge.ports.journal.NotificationExchange.Outcome;
import tech.brokerbridge.ports.tck.JournalSamples;

/**
 * Delivery off the caller's thread: retries with backoff, {@code Retry-After} and Telegram's
 * {@code retry_after} honoured, timeouts retried, coalescing, a bounded queue whose drops are counted,
 * and a channel that hangs never holding up {@link Notifications#send}.
 */
class DeliveryTest {
    private final InMemorySecretStore vault = new InMemorySecretStore();
    private final InMemoryJournal journal = new InMemoryJournal();

    private static DeskEvent proposal(int n) {
        return new DeskEvent.ProposalCreated(n, Fixtures.NOW,
                JournalSamples.proposal(n, Fixtures.NOW, ProposalStatus.PENDING));
    }

    private List<NotificationExchange> audit() {
        return journal.notificationAudit(100);
    }

    @Test
    void a500IsRetriedAndThenSentOnce() throws Exception {
        try (FakeNtfyServer ntfy = new FakeNtfyServer(Optional.empty());
                Notifications n = NotifierFactory.create(Fixtures.ntfy(URI.create(ntfy.topicUrl("t"))), vault,
                        journal, Clock.systemUTC())) {
            ntfy.then(Canned.json(500, "{}"), Canned.json(503, "{}"));
            n.start(new DeskDouble());
            n.send(proposal(1));
            assertTrue(await(() -> ntfy.published().size() == 3, Duration.ofSeconds(10)), "tried three times");
            assertTrue(await(() -> audit().size() == 3, Duration.ofSeconds(5)));
            assertEquals(List.of(Outcome.SENT, Outcome.RETRYING, Outcome.RETRYING),
                    audit().stream().map(NotificationExchange::outcome).toList());
            assertTrue(audit().get(2).detail().startsWith("HTTP 500; retrying in"), audit().get(2).detail());
            ChannelStatus s = n.channels().get(0);
            assertEquals(1, s.sent());
            assertTrue(s.healthy());
        }
    }

    @Test
    void retryAfterIsHonouredAndAChannelThatKeepsFailingShowsInHealth() throws Exception {
        try (FakeNtfyServer ntfy = new FakeNtfyServer(Optional.empty());
                Notifications n = NotifierFactory.create(Fixtures.ntfy(URI.create(ntfy.topicUrl("t"))), vault,
                        journal, Clock.systemUTC())) {
            ntfy.then(new Canned(429, Map.of("Retry-After", "1"), "{}"), Canned.json(500, "{}"),
                    Canned.json(500, "{}"));
            n.start(new DeskDouble());
            long t0 = System.nanoTime();
            n.send(proposal(1));
            assertTrue(await(() -> ntfy.requests().size() == 3, Duration.ofSeconds(10)));
            long waited = System.nanoTime() - t0;
            assertTrue(waited >= Duration.ofSeconds(1).toNanos(), "the second try waited the 1 s asked for");
            assertTrue(await(() -> n.channels().get(0).failed() == 1, Duration.ofSeconds(5)));
            ChannelStatus s = n.channels().get(0);
            assertFalse(s.healthy());
            assertTrue(s.message().contains("HTTP 500; gave up after 3 tries"), s.message());
            assertTrue(audit().stream().anyMatch(x -> x.detail().equals("HTTP 429 (retry after 1 s); retrying in 1 s")),
                    audit().toString());
        }
    }

    @Test
    void telegramsRetryAfterInTheBodyIsHonoured() throws Exception {
        vault.put("telegram.bot_token", Secret.of("1:tok-abcdef"));
        try (FakeTelegramServer telegram = new FakeTelegramServer("1:tok-abcdef", Clock.systemUTC());
                Notifications n = NotifierFactory.create(Fixtures.telegram(telegram.baseUrl(), List.of("7"),
                        List.of(), false), vault, journal, Clock.systemUTC())) {
            telegram.then(FakeTelegramServer.tooManyRequests(1));
            n.start(new DeskDouble());
            n.send(proposal(1));
            assertTrue(await(() -> audit().stream().anyMatch(x -> x.outcome() == Outcome.SENT), Duration.ofSeconds(10)));
            assertEquals(2, telegram.sent().size(), "refused once, then sent");
            assertTrue(audit().stream().anyMatch(x -> x.detail().equals("HTTP 429 (retry after 1 s); retrying in 1 s")),
                    audit().toString());
        }
    }

    @Test
    void aTimeoutIsRetried() throws Exception {
        try (FakeNtfyServer ntfy = new FakeNtfyServer(Optional.empty());
                Notifications n = NotifierFactory.create(Fixtures.ntfy(URI.create(ntfy.topicUrl("t"))), vault,
                        journal, Clock.systemUTC())) {
            ntfy.holdAll(r -> ntfy.requests().size() == 1);
            n.start(new DeskDouble());
            n.send(proposal(1));
            assertTrue(await(() -> audit().stream().anyMatch(x -> x.outcome() == Outcome.SENT), Duration.ofSeconds(10)),
                    "sent on the second try: " + audit());
            assertTrue(audit().stream().anyMatch(x -> x.detail().startsWith("timed out after")), audit().toString());
        }
    }

    @Test
    void waitingMessagesOfOneKindCoalesce() throws Exception {
        NotifyConfig c = Fixtures.ntfy(URI.create("http://127.0.0.1:1/t"));
        try (FakeNtfyServer ntfy = new FakeNtfyServer(Optional.empty())) {
            NotifyConfig.Tuning t = c.tuning();
            NotifyConfig batched = Fixtures.ntfy(URI.create(ntfy.topicUrl("t"))).withTuning(new NotifyConfig.Tuning(
                    t.requestTimeout(), t.queueSize(), t.maxAttempts(), t.firstBackoff(), t.maxBackoff(),
                    t.maxRetryAfter(), Duration.ofMillis(500), t.minGap(), t.pollTimeout(), t.staleCommand(),
                    t.brokerGrace()));
            try (Notifications n = NotifierFactory.create(batched, vault, journal, Clock.systemUTC())) {
                n.start(new DeskDouble());
                n.send(proposal(1));
                n.send(proposal(2));
                n.send(proposal(3));
                assertTrue(await(() -> ntfy.published().size() == 1, Duration.ofSeconds(10)));
                JsonNode m = ntfy.published().get(0);
                assertEquals("3 new proposals", m.path("title").asText());
                assertEquals(3, m.path("message").asText().split("New proposal: AAPL long").length - 1,
                        m.path("message").asText());
            }
        }
    }

    @Test
    void aHangingChannelNeverHoldsUpTheCallerAndItsQueueIsBounded() throws Exception {
        NotifyConfig.Tuning t = Fixtures.fast();
        try (FakeNtfyServer ntfy = new FakeNtfyServer(Optional.empty())) {
            NotifyConfig small = Fixtures.ntfy(URI.create(ntfy.topicUrl("t"))).withTuning(new NotifyConfig.Tuning(
                    Duration.ofSeconds(30), 2, 1, t.firstBackoff(), t.maxBackoff(), t.maxRetryAfter(), Duration.ZERO,
                    Duration.ZERO, t.pollTimeout(), t.staleCommand(), t.brokerGrace()));
            ntfy.holdAll(r -> true);
            try (Notifications n = NotifierFactory.create(small, vault, journal, Clock.systemUTC())) {
                n.start(new DeskDouble());
                n.send(proposal(1));
                assertTrue(await(() -> ntfy.requests().size() == 1, Duration.ofSeconds(5)), "the first is on the wire");
                for (int i = 2; i <= 6; i++) {
                    n.send(proposal(i)); // returns while the channel hangs: no latch is released before the asserts
                }
                ChannelStatus s = n.channels().get(0);
                assertEquals(2, s.queued(), "the queue holds at most 2");
                assertEquals(3, s.dropped(), "the three oldest waiting were dropped");
                assertEquals(3, audit().stream().filter(x -> x.outcome() == Outcome.DROPPED).count());
                assertEquals(1, ntfy.requests().size(), "nothing else was sent while the channel hangs");
                ntfy.release();
                assertTrue(await(() -> ntfy.published().size() == 2, Duration.ofSeconds(10)),
                        ntfy.requests() + " / " + audit());
                assertEquals("2 new proposals", ntfy.published().get(1).path("title").asText(),
                        "the two left waiting went out together");
            }
        }
    }

    @Test
    void eventsGoOnlyWhereTheyAreRouted() throws Exception {
        try (FakeNtfyServer ntfy = new FakeNtfyServer(Optional.empty())) {
            NotifyConfig d = Fixtures.ntfy(URI.create(ntfy.topicUrl("t")));
            NotifyConfig onlyKill = new NotifyConfig(d.ntfyUrl(), d.webhookUrl(), d.telegramChatIds(),
                    d.telegramUserIds(), d.telegramApiBase(), false, 0.5, d.smtp(), false,
                    List.of("proposal@telegram", "kill_switch@ntfy"), d.tuning());
            try (Notifications n = NotifierFactory.create(onlyKill, vault, journal, Clock.systemUTC())) {
                n.start(new DeskDouble());
                n.send(proposal(1));
                n.send(new DeskEvent.KillSwitchEngaged(2, Fixtures.NOW, "daily loss limit reached: today's P&L"
                        + " -2.10% is at or below -2%", "daily_loss_limit"));
                assertTrue(await(() -> ntfy.published().size() == 1, Duration.ofSeconds(10)));
                assertEquals("Kill switch engaged by the daily-loss limit",
                        ntfy.published().get(0).path("title").asText());
                assertEquals(5, ntfy.published().get(0).path("priority").asInt());
            }
        }
    }
}
