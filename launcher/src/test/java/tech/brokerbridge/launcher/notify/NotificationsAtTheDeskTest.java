package tech.brokerbridge.launcher.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tech.brokerbridge.notify.fake.RecordingServer.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.brokerbridge.launcher.ai.TestDesk;
import tech.brokerbridge.notify.fake.FakeTelegramServer;
import tech.brokerbridge.notify.fake.RecordingServer;
import tech.brokerbridge.ports.fakes.MutableClock;

/**
 * Issue 16's proof through the real daemon (every Guice module, the HTTP API, the paper market, the
 * SQLite journal, the file vault) with all four channels pointed at local fakes: a scan sends a
 * new-proposal message to each; a Telegram Approve press executes the proposal once, presses from
 * another user or chat, a replayed press and a press after expiry do nothing; no canary (the account's
 * amounts, the planted cash, the machine id, the installation id, the data directory, the desk's ids,
 * another channel's secret) leaves through any channel; a failing channel delays neither a scan nor an
 * approval.
 */
class NotificationsAtTheDeskTest {
    private static final String STARTING_CASH = "987654.32";

    @TempDir
    Path home;

    private TestDesk start(Channels channels, MutableClock clock, Map<String, String> more) throws Exception {
        Map<String, String> flags = new HashMap<>(channels.flags());
        flags.put("paper.starting_cash", STARTING_CASH);
        flags.putAll(more);
        TestDesk desk = TestDesk.start(home, Map.of(), flags, clock);
        Channels.secrets().forEach((provider, secret) -> {
            try {
                desk.saveCredential(provider, secret);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return desk;
    }

    @Test
    void aScanReachesEveryChannelAndTheConfiguredUsersPressApprovesOnceAndNothingPrivateLeaves() throws Exception {
        MutableClock clock = new MutableClock(TestDesk.CLOCK.instant());
        try (Channels ch = new Channels(clock); TestDesk desk = start(ch, clock, Map.of())) {
            List<String> listed = new ArrayList<>();
            desk.get("/api/health").path("services").path("notifications")
                    .forEach(n -> listed.add(n.path("channel").asText()));
            assertEquals(List.of("ntfy", "telegram", "webhook", "email"), listed, "health lists exactly these");

            desk.scan();
            List<JsonNode> pending = desk.pendingProposals();
            assertTrue(pending.size() >= 2, "the offline scan proposes at least two: " + pending);
            JsonNode a = pending.get(0);
            JsonNode b = pending.get(1);
            String labelA = label(a);

            // a scan sends a new-proposal message to each channel
            assertTrue(await(() -> ch.ntfy.published().stream().anyMatch(m -> m.toString().contains(labelA)),
                    Duration.ofSeconds(20)), "ntfy: " + ch.ntfy.requests());
            assertTrue(await(() -> ch.telegram.sentContaining(labelA).isPresent(), Duration.ofSeconds(20)));
            assertTrue(await(() -> ch.webhook.verified().stream().anyMatch(m -> m.path("event").asText()
                    .equals("proposal") && m.toString().contains(labelA)), Duration.ofSeconds(20)),
                    "the webhook arrived signed: " + ch.webhook.requests());
            assertTrue(ch.mail.await(1, 20) && await(() -> ch.mail.received().stream().anyMatch(m -> m.contains(labelA)),
                    Duration.ofSeconds(20)), ch.mail.received().toString());

            // presses from another user, or from the user in another chat, do nothing
            JsonNode message = ch.telegram.sentContaining(labelA).orElseThrow();
            String approveA = button(message, a, "✅ Approve");
            ch.telegram.press(Channels.CHAT, Channels.USER + 1, message, approveA);
            ch.telegram.press(Channels.CHAT - 1, Channels.USER, message, approveA);
            assertTrue(await(() -> ignoredPresses(desk) == 2, Duration.ofSeconds(20)));
            assertEquals("pending", status(desk, a));

            // the configured user's press approves through the desk's gates and journal, once
            String press = ch.telegram.press(Channels.CHAT, Channels.USER, message, approveA);
            assertTrue(await(() -> ch.telegram.answers().containsKey(press), Duration.ofSeconds(20)));
            assertEquals(a.path("symbol").asText() + " approved: sending the bracket order.",
                    ch.telegram.answers().get(press));
            assertTrue(Set.of("executing", "executed").contains(status(desk, a)), status(desk, a));
            String replay = ch.telegram.press(Channels.CHAT, Channels.USER, message, approveA);
            assertTrue(await(() -> ch.telegram.answers().containsKey(replay), Duration.ofSeconds(20)));
            assertTrue(ch.telegram.answers().get(replay).startsWith("Expired"), ch.telegram.answers().get(replay));
            String csv = csv(desk);
            List<String> rows = csv.lines().filter(l -> l.contains(a.path("proposal_id").asText())).toList();
            assertEquals(1, rows.size(), csv);
            assertTrue(rows.get(0).contains(",approve,") && rows.get(0).endsWith(",telegram," + Channels.USER), rows
                    .get(0));

            // a press after the proposal expired does nothing
            JsonNode messageB = ch.telegram.sentContaining(label(b)).orElseThrow();
            clock.advance(Duration.ofMinutes(31));
            String late = ch.telegram.press(Channels.CHAT, Channels.USER, messageB, button(messageB, b, "✅ Approve"));
            assertTrue(await(() -> ch.telegram.answers().containsKey(late), Duration.ofSeconds(20)));
            assertTrue(ch.telegram.answers().get(late).startsWith("Expired"));
            assertFalse(Set.of("approved", "executing", "executed").contains(status(desk, b)));

            // the privacy canaries: nothing the desk knows about the account leaves through any channel
            Set<String> canaries = canaries(desk);
            List<String> leaks = leaks(ch, canaries);
            assertEquals(List.of(), leaks);
            for (JsonNode x : desk.get("/api/notifications/audit?limit=500").path("exchanges")) {
                for (String secret : Channels.secrets().values()) {
                    assertFalse(x.toString().contains(secret), "a secret in the audit: " + x);
                }
            }
            // the search is real: what must be there is found the same way
            assertFalse(leaks(ch, Set.of(a.path("symbol").asText())).isEmpty());
            assertTrue(audit(desk, "sent").stream().map(x -> x.path("channel").asText()).distinct().count() == 4,
                    "every channel's messages are audited");
        }
    }

    @Test
    void failingChannelsDelayNeitherAScanNorAnApproval() throws Exception {
        MutableClock clock = new MutableClock(TestDesk.CLOCK.instant());
        try (Channels ch = new Channels(clock)) {
            ch.ntfy.holdAll(r -> true); // ntfy hangs (the desk's request times out after 10 s)
            for (int i = 0; i < 20; i++) {
                ch.telegram.then(FakeTelegramServer.tooManyRequests(30));
                ch.webhook.then(RecordingServer.Canned.json(500, "{}"));
            }
            try (TestDesk desk = start(ch, clock, Map.of())) {
                desk.scan();
                assertTrue(await(() -> !ch.ntfy.requests().isEmpty(), Duration.ofSeconds(20)), "ntfy is being tried");
                assertTrue(await(() -> !ch.telegram.sent().isEmpty() && !ch.webhook.requests().isEmpty(),
                        Duration.ofSeconds(20)));
                // while ntfy holds the request, Telegram asks to wait 30 s and the webhook answers 500:
                JsonNode second = desk.scan();
                assertTrue(second.has("decisions"), second.toString());
                JsonNode p = desk.pendingProposals().get(0);
                JsonNode approved = desk.post("/api/proposals/" + p.path("proposal_id").asText() + "/approve", "{}");
                assertTrue(Set.of("executing", "executed").contains(approved.path("status").asText()),
                        approved.toString());
                assertEquals(0, ch.ntfy.answered(), "the scan and the approval were done while ntfy still hung");
                assertTrue(audit(desk, "retrying").stream().anyMatch(x -> x.path("detail").asText()
                        .startsWith("HTTP 429 (retry after 30 s)")));
            } finally {
                ch.ntfy.release();
            }
        }
    }

    /**
     * {@code /kill} through the whole daemon: a stranger's {@code /kill} and a stale one do nothing, the configured
     * user's engages the desk's kill switch (the loop stops, an approval is refused with 409, health says so, the
     * chat is told), {@code /release} from the phone releases nothing, and only {@code DELETE /api/kill-switch} does.
     */
    @Test
    void killFromTheConfiguredTelegramUserEngagesTheDesksSwitchAndOnlyTheDeskReleasesIt() throws Exception {
        MutableClock clock = new MutableClock(TestDesk.CLOCK.instant());
        try (Channels ch = new Channels(clock); TestDesk desk = start(ch, clock, Map.of())) {
            desk.scan();
            JsonNode p = desk.pendingProposals().get(0);
            long now = clock.instant().getEpochSecond();
            ch.telegram.command(Channels.CHAT, Channels.USER + 1, "/kill", now); // not a configured user
            ch.telegram.command(Channels.CHAT - 1, Channels.USER, "/kill", now); // not a configured chat
            ch.telegram.command(Channels.CHAT, Channels.USER, "/kill", now - 600); // too old when read
            assertTrue(await(() -> ignoredPresses(desk) == 3, Duration.ofSeconds(20)),
                    "the three commands are ignored and audited");
            assertFalse(desk.get("/api/health").path("kill_switch_engaged").asBoolean());

            ch.telegram.command(Channels.CHAT, Channels.USER, "/kill", now);
            assertTrue(await(() -> health(desk, "kill_switch_engaged"), Duration.ofSeconds(20)), "the configured user's /kill engages the switch");
            assertFalse(desk.get("/api/health").path("trading_loop_active").asBoolean());
            HttpResponse<String> refused = TestDesk.send(HttpRequest.newBuilder(URI.create(desk.url()
                    + "/api/proposals/" + p.path("proposal_id").asText() + "/approve"))
                    .POST(HttpRequest.BodyPublishers.noBody()), Duration.ofSeconds(30));
            assertEquals(409, refused.statusCode(), refused.body());
            assertEquals("pending", status(desk, p));
            assertTrue(await(() -> ch.telegram.sentContaining("Kill switch engaged").isPresent(),
                    Duration.ofSeconds(20)), "the chat is told: " + ch.telegram.sent());

            ch.telegram.command(Channels.CHAT, Channels.USER, "/release", clock.instant().getEpochSecond());
            assertTrue(await(() -> ch.telegram.sentContaining("released on the desk (the dashboard").isPresent(),
                    Duration.ofSeconds(20)), "/release is answered with where to release: " + ch.telegram.sent());
            assertTrue(desk.get("/api/health").path("kill_switch_engaged").asBoolean(), "nothing released it");

            HttpResponse<String> released = TestDesk.send(HttpRequest.newBuilder(URI.create(desk.url()
                    + "/api/kill-switch")).DELETE(), Duration.ofSeconds(30));
            assertEquals(200, released.statusCode(), released.body());
            assertFalse(desk.get("/api/health").path("kill_switch_engaged").asBoolean());
        }
    }

    /** A field of {@code GET /api/health}, for a wait's condition. */
    private static boolean health(TestDesk desk, String field) {
        try {
            return desk.get("/api/health").path(field).asBoolean();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int ignoredPresses(TestDesk desk) {
        try {
            return audit(desk, "ignored").size();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String label(JsonNode proposal) {
        return proposal.path("symbol").asText() + " " + proposal.path("direction").asText();
    }

    /** The {@code callback_data} of {@code kind} for that proposal in a (possibly coalesced) message. */
    private static String button(JsonNode message, JsonNode proposal, String kind) {
        List<JsonNode> all = new ArrayList<>();
        message.path("reply_markup").path("inline_keyboard").forEach(row -> row.forEach(all::add));
        boolean several = all.stream().anyMatch(x -> x.path("text").asText().startsWith(kind + " "));
        String text = several ? kind + " " + label(proposal) : kind;
        return all.stream().filter(x -> x.path("text").asText().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no '" + text + "' button in " + message))
                .path("callback_data").asText();
    }

    private static String status(TestDesk desk, JsonNode proposal) throws Exception {
        return desk.get("/api/proposals/" + proposal.path("proposal_id").asText()).path("status").asText();
    }

    private static List<JsonNode> audit(TestDesk desk, String outcome) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        desk.get("/api/notifications/audit?limit=500").path("exchanges").forEach(x -> {
            if (x.path("outcome").asText().equals(outcome)) {
                out.add(x);
            }
        });
        return out;
    }

    private static String csv(TestDesk desk) throws Exception {
        return TestDesk.send(HttpRequest.newBuilder(URI.create(desk.url() + "/api/journal/approvals.csv")).GET(),
                Duration.ofSeconds(30)).body();
    }

    /** The account's amounts and every id and path of this desk, as in the AI privacy test. */
    private Set<String> canaries(TestDesk desk) throws Exception {
        Set<String> c = new LinkedHashSet<>(List.of(STARTING_CASH, "987654", TestDesk.MACHINE_ID, home.toString(),
                "prp-", "net_liquidation", "buying_power", "installation", "\"cash\""));
        c.add(desk.get("/api/license").path("installation_id").asText());
        desk.get("/api/portfolio").path("account").forEach(v -> {
            if (v.isNumber() && Math.abs(v.asDouble()) >= 1000) {
                c.add(v.asText().replace("-", ""));
                c.add(Long.toString((long) Math.abs(v.asDouble())));
            }
        });
        return c;
    }

    /**
     * Where a canary or a secret appears in what the fakes received: URL, headers, bodies, mails. Each
     * channel's own secret may appear only where it belongs: the bot token in the Bot API's path, the
     * ntfy token in ntfy's Authorization header.
     */
    private static List<String> leaks(Channels ch, Set<String> canaries) {
        List<String> found = new ArrayList<>();
        Set<String> secrets = new LinkedHashSet<>(Channels.secrets().values());
        for (RecordingServer.Recorded r : ch.httpRequests()) {
            String path = r.path().replace("/bot" + Channels.BOT_TOKEN + "/", "/bot<token>/");
            search(r.method() + " " + path, path, canaries, secrets, found);
            for (Map.Entry<String, List<String>> h : r.headers().entrySet()) {
                String v = String.join("\n", h.getValue());
                if (h.getKey().equals("authorization") && v.equals("Bearer " + Channels.NTFY_TOKEN)) {
                    continue;
                }
                search(r.path() + " header " + h.getKey(), v, canaries, secrets, found);
            }
            search(r.path() + " body", r.body(), canaries, secrets, found);
        }
        for (String mail : ch.mail.received()) {
            search("mail", mail, canaries, secrets, found);
        }
        return found;
    }

    private static void search(String where, String text, Set<String> canaries, Set<String> secrets,
            List<String> found) {
        for (String c : canaries) {
            if (text.contains(c)) {
                found.add("'" + c + "' in " + where);
            }
        }
        for (String s : secrets) {
            if (text.contains(s)) {
                found.add("a secret in " + where);
            }
        }
    }
}
