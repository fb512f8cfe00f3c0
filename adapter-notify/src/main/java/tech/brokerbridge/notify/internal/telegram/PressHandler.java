package tech.brokerbridge.notify.internal.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import tech.brokerbridge.notify.internal.channel.Json;
import tech.brokerbridge.notify.internal.delivery.Attempt;
import tech.brokerbridge.notify.internal.delivery.AuditTrail;
import tech.brokerbridge.notify.internal.delivery.Delivery;
import tech.brokerbridge.ports.desk.ActionResult;
import tech.brokerbridge.ports.desk.Actor;
import tech.brokerbridge.ports.desk.Modification;
import tech.brokerbridge.ports.desk.TradingDesk;
import tech.brokerbridge.ports.journal.GateResult;
import tech.brokerbridge.ports.journal.NotificationExchange.Outcome;

/**
 * What the desk does with one Telegram update. A button press or a command counts only from a
 * configured user in a configured chat; anything else is ignored (no answer) and audited. A press
 * uses its one-time token ({@link NonceBook}) and then acts through the {@link TradingDesk} like the
 * API does (same gates, locks and journal), on behalf of the Telegram user; the bot answers what came
 * of it, or "expired" for a spent, unknown or expired token, and drops the proposal's buttons from
 * the message. {@code /kill} engages the kill switch; nothing releases it from here.
 */
public final class PressHandler {
    static final String EXPIRED = "Expired: this button was already used, or the proposal is no longer pending."
            + " Decide on the desk.";
    static final String RELEASE_REFUSED = "The kill switch can only be released on the desk (the dashboard, or"
            + " DELETE /api/kill-switch).";
    private final TradingDesk desk;
    private final NonceBook nonces;
    private final TelegramApi api;
    private final AuditTrail audit;
    private final Set<String> chats;
    private final Set<String> users;
    private final Duration staleCommand;
    private final Clock clock;

    public PressHandler(TradingDesk desk, NonceBook nonces, TelegramApi api, AuditTrail audit, List<String> chats,
            List<String> users, Duration staleCommand) {
        this.desk = desk;
        this.nonces = nonces;
        this.api = api;
        this.audit = audit;
        this.chats = Set.copyOf(chats);
        this.users = Set.copyOf(users);
        this.staleCommand = staleCommand;
        this.clock = audit.clock();
    }

    /** Handles one update of {@code getUpdates}; never throws for what the update holds. */
    public void handle(JsonNode update) {
        if (update.has("callback_query")) {
            press(update.path("callback_query"));
        } else if (update.path("message").path("text").isTextual()) {
            command(update.path("message"));
        }
    }

    private void press(JsonNode q) {
        String user = q.path("from").path("id").asText("");
        JsonNode message = q.path("message");
        String chat = message.path("chat").path("id").asText("");
        String token = q.path("data").asText("");
        if (!users.contains(user) || !chats.contains(chat)) {
            ignored("press", q.toString(), "press from user " + user + " in chat " + chat
                    + " ignored: not a configured user and chat");
            return;
        }
        Optional<NonceBook.Grant> grant = nonces.use(token, clock.instant());
        if (grant.isEmpty()) {
            ignored("press", q.toString(), "press from user " + user + " ignored: the button was already used, is"
                    + " unknown or expired");
            answer(q, EXPIRED);
            return;
        }
        NonceBook.Grant g = grant.get();
        Actor actor = Actor.telegram(Long.parseLong(user));
        ActionResult result = switch (g.action()) {
            case APPROVE -> desk.approve(g.proposalId(), Modification.none(), actor);
            case APPROVE_TIGHTER_STOP -> desk.approve(g.proposalId(), new Modification(OptionalLong.empty(),
                    OptionalDouble.of(g.stop().getAsDouble()), OptionalDouble.empty()), actor);
            case REJECT -> desk.reject(g.proposalId(), Optional.of("rejected from Telegram"), actor);
        };
        answer(q, describe(g, result));
        dropButtons(message, g.group());
    }

    private void command(JsonNode message) {
        String text = message.path("text").asText().strip();
        if (!text.startsWith("/")) {
            return;
        }
        String user = message.path("from").path("id").asText("");
        String chat = message.path("chat").path("id").asText("");
        String command = text.split("[\\s@]", 2)[0].toLowerCase(java.util.Locale.ROOT);
        if (!users.contains(user) || !chats.contains(chat)) {
            ignored("command", text, "command from user " + user + " in chat " + chat
                    + " ignored: not a configured user and chat");
            return;
        }
        Instant sent = Instant.ofEpochSecond(message.path("date").asLong(0));
        if (command.equals("/kill")) {
            if (sent.plus(staleCommand).isBefore(clock.instant())) {
                ignored("command", text, "/kill from user " + user + " ignored: sent at " + sent + ", too long ago");
                return;
            }
            desk.engageKillSwitch(false, "engaged from Telegram by user " + user);
            reply(chat, "🛑 Kill switch engaged: the trading loop stopped, approvals and executions are refused."
                    + " It can only be released on the desk.");
        } else if (command.equals("/release") || command.equals("/resume")) {
            reply(chat, RELEASE_REFUSED);
        }
    }

    static String describe(NonceBook.Grant g, ActionResult r) {
        String what = switch (g.action()) {
            case APPROVE -> "approved";
            case APPROVE_TIGHTER_STOP -> "approved with the tighter stop";
            case REJECT -> "rejected";
        };
        if (r instanceof ActionResult.Done d) {
            return d.proposal().symbol() + " " + what + (g.action() == NonceBook.Action.REJECT ? "."
                    : ": sending the bracket order.");
        }
        if (r instanceof ActionResult.Conflict c) {
            return "Not " + what + ": " + c.reason();
        }
        if (r instanceof ActionResult.GatesFailed f) {
            return "Not " + what + ": " + failed(f.gates()) + ". The proposal stays pending: decide on the desk.";
        }
        if (r instanceof ActionResult.Invalid i) {
            return "Not " + what + ": " + i.reason();
        }
        return "Unknown proposal.";
    }

    private static String failed(List<GateResult> gates) {
        List<String> names = new ArrayList<>();
        gates.stream().filter(g -> !g.passed()).forEach(g -> names.add(g.gate()));
        return "the " + String.join(", ", names) + " gate" + (names.size() == 1 ? "" : "s") + " failed";
    }

    private void answer(JsonNode q, String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("callback_query_id", q.path("id").asText());
        body.put("text", text.length() > 190 ? text.substring(0, 190) + "…" : text);
        body.put("show_alert", true);
        sendAndAudit("answerCallbackQuery", "press", body);
    }

    private void reply(String chat, String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("chat_id", Long.parseLong(chat));
        body.put("text", text);
        sendAndAudit("sendMessage", "command", body);
    }

    /** Edits the message's keyboard so that the used proposal's buttons are gone (the others stay). */
    private void dropButtons(JsonNode message, List<String> spent) {
        List<Object> rows = new ArrayList<>();
        for (JsonNode row : message.path("reply_markup").path("inline_keyboard")) {
            List<Object> kept = new ArrayList<>();
            row.forEach(b -> {
                if (!spent.contains(b.path("callback_data").asText())) {
                    kept.add(Json.read(b.toString()).orElseThrow());
                }
            });
            if (!kept.isEmpty()) {
                rows.add(kept);
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("chat_id", message.path("chat").path("id").asLong());
        body.put("message_id", message.path("message_id").asLong());
        body.put("reply_markup", Map.of("inline_keyboard", rows));
        sendAndAudit("editMessageReplyMarkup", "press", body);
    }

    private void sendAndAudit(String method, String event, Map<String, Object> body) {
        Attempt a = api.call(method, body);
        Delivery d = a.delivery();
        audit.record("telegram", api.host(), event, a.body(), d instanceof Delivery.Sent ? Outcome.SENT
                : Outcome.FAILED, method + ": " + d.detail(), api.secrets());
    }

    private void ignored(String event, String body, String detail) {
        audit.record("telegram", api.host(), event, body, Outcome.IGNORED, detail, api.secrets());
    }
}
