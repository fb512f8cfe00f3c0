package tech.brokerbridge.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tech.brokerbridge.notify.fake.RecordingServer.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.notify.fake.FakeTelegramServer;
import tech.brokerbridge.ports.Secret;
import tech.brokerbridge.ports.desk.Actor;
import tech.brokerbridge.ports.events.DeskEvent;
import tech.brokerbridge.ports.fakes.InMemoryJournal;
import tech.brokerbridge.ports.fakes.InMemorySecretStore;
import tech.brokerbridge.ports.fakes.MutableClock;
import tech.brokerbridge.ports.journal.Proposal;
import tech.brokerbridge.ports.journal.ProposalStatus;
import tech.brokerbridge.ports.journal.NotificationExchange;
import tech.brokerbridge.ports.journal.NotificationExchange.Outcome;
import tech.brokerbridge.ports.tck.JournalSamples;

/**
 * Approving and rejecting from Telegram buttons, read by long-polling: only the configured user in the
 * configured chat, once per proposal, before it expires; {@code /kill} engages, nothing releases.
 */
class TelegramApprovalsTest {
    private static final long CHAT = -100123;
    private static final long USER = 42;
    private static final String TOKEN = "42:CANARY-approvals-token";
    private final InMemorySecretStore vault = new InMemorySecretStore();
    private final InMemoryJournal journal = new InMemoryJournal();
    private final MutableClock clock = new MutableClock(Fixtures.NOW);
    private final Proposal proposal = JournalSamples.proposal(1, Fixtures.NOW, ProposalStatus.PENDING);
    private final DeskDouble desk = new DeskDouble().with(proposal);
    private FakeTelegramServer telegram;
    private Notifications notifications;

    @BeforeEach
    void start() {
        vault.put("telegram.bot_token", Secret.of(TOKEN));
        telegram = new FakeTelegramServer(TOKEN, clock);
        notifications = NotifierFactory.create(Fixtures.telegram(telegram.baseUrl(), List.of(Long.toString(CHAT)),
                List.of(Long.toString(USER)), true), vault, journal, clock);
        notifications.start(desk);
    }

    @AfterEach
    void stop() {
        notifications.close();
        telegram.close();
    }

    private JsonNode proposalMessage() throws InterruptedException {
        notifications.send(new DeskEvent.ProposalCreated(1, Fixtures.NOW, proposal));
        assertTrue(await(() -> !telegram.sent().isEmpty(), Duration.ofSeconds(10)));
        return telegram.sent().get(0);
    }

    private String answerTo(String callbackId) throws InterruptedException {
        assertTrue(await(() -> telegram.answers().containsKey(callbackId), Duration.ofSeconds(10)),
                "the bot answered " + callbackId);
        return telegram.answers().get(callbackId);
    }

    @Test
    void approveRejectAndTighterStopButtonsCarryOpaqueTokensOnly() throws Exception {
        JsonNode m = proposalMessage();
        List<String> tokens = FakeTelegramServer.buttons(m);
        assertEquals(3, tokens.size(), m.toString());
        for (String t : tokens) {
            assertTrue(t.matches("[A-Za-z0-9_-]{22}"), "an opaque token: " + t);
            assertTrue(!t.contains(proposal.proposalId()) && !t.contains(proposal.symbol()));
        }
        assertTrue(m.toString().contains("Approve, stop 99.38"), "halfway from 97.25 to 101.50: " + m);
    }

    @Test
    void thePressOfTheConfiguredUserApprovesOnceAndAReplayIsExpired() throws Exception {
        JsonNode m = proposalMessage();
        String approve = FakeTelegramServer.buttons(m).get(0);
        String first = telegram.press(CHAT, USER, m, approve);
        assertEquals("AAPL approved: sending the bracket order.", answerTo(first));
        assertEquals(List.of(new DeskDouble.Action("approve", proposal.proposalId(),
                tech.brokerbridge.ports.desk.Modification.none(), Actor.telegram(USER))), desk.actions);
        assertTrue(await(() -> !telegram.bodies("editMessageReplyMarkup").isEmpty(), Duration.ofSeconds(5)));
        assertEquals(0, telegram.bodies("editMessageReplyMarkup").get(0).path("reply_markup")
                .path("inline_keyboard").size(), "the used proposal's buttons are gone");

        String replay = telegram.press(CHAT, USER, m, approve);
        assertTrue(answerTo(replay).startsWith("Expired"));
        String sibling = telegram.press(CHAT, USER, m, FakeTelegramServer.buttons(m).get(1));
        assertTrue(answerTo(sibling).startsWith("Expired"), "one press spends every button of the proposal");
        assertEquals(1, desk.actions.size(), "the desk was asked once");
    }

    @Test
    void aPressFromAnotherUserOrChatDoesNothingAndIsAudited() throws Exception {
        JsonNode m = proposalMessage();
        String approve = FakeTelegramServer.buttons(m).get(0);
        telegram.press(CHAT, 666, m, approve);
        telegram.press(777, USER, m, approve);
        assertTrue(await(() -> ignored().size() == 2, Duration.ofSeconds(10)), journal.notificationAudit(20)
                .toString());
        assertTrue(ignored().get(0).detail().contains("not a configured user and chat"));
        assertEquals(List.of(), desk.actions);
        assertEquals(java.util.Map.of(), telegram.answers(), "ignored: no answer at all");
        // the owner's press still works: a stranger's press spends nothing
        String mine = telegram.press(CHAT, USER, m, FakeTelegramServer.buttons(m).get(1));
        assertEquals("AAPL rejected.", answerTo(mine));
    }

    @Test
    void aPressAfterTheProposalExpiredDoesNothing() throws Exception {
        JsonNode m = proposalMessage();
        clock.advance(Duration.ofMinutes(31));
        String late = telegram.press(CHAT, USER, m, FakeTelegramServer.buttons(m).get(0));
        assertTrue(answerTo(late).startsWith("Expired"));
        assertEquals(List.of(), desk.actions);
    }

    @Test
    void killEngagesFromTheChatAndNothingReleasesIt() throws Exception {
        telegram.command(CHAT, USER, "/release", clock.instant().getEpochSecond());
        telegram.command(CHAT, 999, "/kill", clock.instant().getEpochSecond());
        telegram.command(CHAT, USER, "/kill", clock.instant().getEpochSecond() - 600);
        telegram.command(CHAT, USER, "/kill@desk_bot", clock.instant().getEpochSecond());
        assertTrue(await(() -> desk.kills.size() == 1, Duration.ofSeconds(10)));
        assertEquals(List.of("engaged from Telegram by user 42"), desk.kills);
        assertTrue(await(() -> telegram.sent().size() == 2, Duration.ofSeconds(10)));
        assertTrue(telegram.sent().get(0).path("text").asText().contains("only be released on the desk"));
        assertTrue(telegram.sent().get(1).path("text").asText().startsWith("🛑 Kill switch engaged"));
        assertEquals(2, ignored().size(), "the stranger's /kill and the stale one: " + ignored());
    }

    private List<NotificationExchange> ignored() {
        return journal.notificationAudit(50).stream().filter(x -> x.outcome() == Outcome.IGNORED).toList();
    }

    @Test
    void withoutApprovalsThereAreNoButtons() throws Exception {
        notifications.close();
        try (Notifications plain = NotifierFactory.create(Fixtures.telegram(telegram.baseUrl(),
                List.of(Long.toString(CHAT)), List.of(Long.toString(USER)), false), vault, journal, clock)) {
            plain.start(desk);
            plain.send(new DeskEvent.ProposalCreated(1, Fixtures.NOW, proposal));
            assertTrue(await(() -> !telegram.sent().isEmpty(), Duration.ofSeconds(10)));
            assertEquals(Optional.empty(), Optional.ofNullable(telegram.sent().get(0).get("reply_markup")));
        }
    }
}
