package tech.brokerbridge.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tech.brokerbridge.notify.fake.RecordingServer.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.notify.fake.FakeNtfyServer;
import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.events.DeskEvent;
import tech.brokerbridge.ports.fakes.InMemoryJournal;
import tech.brokerbridge.ports.fakes.InMemorySecretStore;
import tech.brokerbridge.ports.journal.FillRecord;
import tech.brokerbridge.ports.journal.Proposal;
import tech.brokerbridge.ports.journal.ProposalStatus;
import tech.brokerbridge.ports.license.LicenseState;
import tech.brokerbridge.ports.license.LicenseStatus;
import tech.brokerbridge.ports.tck.JournalSamples;

/**
 * Which desk events make a message and what it says: a trade closed in R (money only with
 * {@code include_amounts}), an entry fill, a position without a stop, the broker gone longer than the
 * grace period and back (a short drop says nothing), the AI's first failure, license trouble once.
 */
class EventsTest {
    private static final Instant T = Fixtures.NOW;
    private final Proposal proposal = JournalSamples.proposal(1, T, ProposalStatus.EXECUTED); // entry 101.50, stop 97.25

    private List<JsonNode> run(boolean includeAmounts, int expected, DeskEvent... events) throws Exception {
        try (FakeNtfyServer ntfy = new FakeNtfyServer(Optional.empty())) {
            NotifyConfig d = Fixtures.ntfy(URI.create(ntfy.topicUrl("t")));
            NotifyConfig c = new NotifyConfig(d.ntfyUrl(), d.webhookUrl(), List.of(), List.of(), d.telegramApiBase(),
                    false, 0.5, d.smtp(), includeAmounts, NotifyConfig.EVENT_NAMES, d.tuning());
            try (Notifications n = NotifierFactory.create(c, new InMemorySecretStore(), new InMemoryJournal(),
                    Fixtures.CLOCK)) {
                n.start(new DeskDouble().with(proposal));
                for (DeskEvent e : events) {
                    n.send(e);
                    if (e instanceof DeskEvent.BrokerConnectionChanged) {
                        Thread.sleep(400); // longer than the 200 ms grace of these tests: the broker's timing is the subject
                    }
                }
                assertTrue(await(() -> ntfy.published().size() >= expected, Duration.ofSeconds(10)),
                        ntfy.published().toString());
                Thread.sleep(300); // nothing more is sent after what was expected: a later message would show here
                return ntfy.published();
            }
        }
    }

    private static String title(JsonNode m) {
        return m.path("title").asText();
    }

    @Test
    void aClosedTradeSaysItsRAndMoneyOnlyWhenAsked() throws Exception {
        DeskEvent stop = new DeskEvent.PositionClosed(1, T, "AAPL", 11, 97.25, proposal.proposalId(),
                "stop_loss filled at 97.25");
        JsonNode plain = run(false, 1, stop).get(0);
        assertEquals("AAPL closed: stop hit", title(plain));
        assertEquals("Stop hit at 97.25: -1.00 R", plain.path("message").asText());
        JsonNode money = run(true, 1, stop).get(0);
        assertEquals("Stop hit at 97.25: -1.00 R (P&L -46.75)", money.path("message").asText());
    }

    @Test
    void anEntryFillAndAnUnprotectedPositionAreSentAnExitFillIsNot() throws Exception {
        List<JsonNode> sent = run(false, 2,
                new DeskEvent.FillReceived(1, T, new FillRecord("e1", proposal.proposalId(), OrderLeg.TAKE_PROFIT,
                        "AAPL", 11, 107.75, T)),
                new DeskEvent.FillReceived(2, T, new FillRecord("e2", proposal.proposalId(), OrderLeg.ENTRY, "AAPL",
                        11, 101.5, T)),
                new DeskEvent.Warning(3, T, "unprotected_position", "AAPL lost its stop at the broker",
                        Optional.of("AAPL")));
        assertEquals(List.of("Filled: AAPL 11 @ 101.50", "AAPL has no stop"), sent.stream().map(EventsTest::title)
                .toList());
    }

    @Test
    void theBrokerIsNewsOnlyAfterTheGracePeriodAndThenWhenItIsBack() throws Exception {
        List<JsonNode> sent = run(false, 2,
                new DeskEvent.BrokerConnectionChanged(1, T, "ibkr", false, "lost"),
                new DeskEvent.BrokerConnectionChanged(2, T, "ibkr", true, "connected to IB Gateway"));
        assertEquals(2, sent.size(), sent.toString());
        assertTrue(title(sent.get(0)).startsWith("Broker ibkr disconnected for more than"), sent.toString());
        assertEquals("Broker ibkr reconnected", title(sent.get(1)));
    }

    @Test
    void aShortDropSaysNothing() throws Exception {
        try (FakeNtfyServer ntfy = new FakeNtfyServer(Optional.empty());
                Notifications n = NotifierFactory.create(Fixtures.ntfy(URI.create(ntfy.topicUrl("t"))),
                        new InMemorySecretStore(), new InMemoryJournal(), Fixtures.CLOCK)) {
            n.start(new DeskDouble());
            n.send(new DeskEvent.BrokerConnectionChanged(1, T, "ibkr", false, "lost"));
            n.send(new DeskEvent.BrokerConnectionChanged(2, T, "ibkr", true, "back"));
            n.send(new DeskEvent.KillSwitchEngaged(3, T, "news", "user"));
            assertTrue(await(() -> ntfy.published().size() == 1, Duration.ofSeconds(10)));
            Thread.sleep(500); // past the grace period: no broker message may follow
            assertEquals(List.of("Kill switch engaged by the user"), ntfy.published().stream()
                    .map(EventsTest::title).toList());
        }
    }

    @Test
    void theAiIsNewsAtItsFirstFailureAndTheLicenseOncePerTrouble() throws Exception {
        LicenseState grace = new LicenseState(LicenseStatus.GRACE, "Stripe unreachable: sub_CANARY", true,
                Optional.empty(), Optional.of(T.plus(Duration.ofHours(70))), Optional.empty(), "inst-CANARY");
        List<JsonNode> sent = run(false, 2,
                new DeskEvent.AdvisorStatusChanged(1, T, "claude", false, "ai_timeout: no answer within 30 s"),
                new DeskEvent.AdvisorStatusChanged(2, T, "claude", false, "ai_timeout: again"),
                new DeskEvent.LicenseChanged(3, T, grace),
                new DeskEvent.LicenseChanged(4, T, grace));
        assertEquals(List.of("AI provider claude failing (ai_timeout)", "License check failing: grace period"),
                sent.stream().map(EventsTest::title).toList());
        assertFalse(sent.toString().contains("CANARY"), "neither the license key nor the installation id: " + sent);
    }
}
