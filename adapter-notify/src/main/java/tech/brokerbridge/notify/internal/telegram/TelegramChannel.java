package tech.brokerbridge.notify.internal.telegram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.brokerbridge.notify.internal.delivery.Attempt;
import tech.brokerbridge.notify.internal.delivery.NamedChannel;
import tech.brokerbridge.notify.internal.delivery.Message;
import tech.brokerbridge.notify.internal.delivery.ProposalButtons;

/**
 * One Telegram chat: {@code sendMessage} with the title and body as plain text (no parse mode, so
 * nothing in a message is read as markup) and, for new proposals when approvals are on, one row of
 * inline buttons per proposal whose {@code callback_data} is an opaque one-time token.
 */
public final class TelegramChannel extends NamedChannel {
    private final TelegramApi api;
    private final String chatId;

    public TelegramChannel(TelegramApi api, String chatId) {
        super("telegram", api.host(), api::secrets);
        this.api = api;
        this.chatId = chatId;
    }

    @Override
    public Attempt send(Message m) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("chat_id", chatId.matches("-?\\d+") ? (Object) Long.parseLong(chatId) : chatId);
        body.put("text", m.fullText());
        if (!m.buttons().isEmpty()) {
            body.put("reply_markup", Map.of("inline_keyboard", keyboard(m.buttons())));
        }
        return api.call("sendMessage", body);
    }

    /** One row per proposal: Approve, Reject; and the tighter-stop approval on a row of its own. */
    static List<List<Map<String, String>>> keyboard(List<ProposalButtons> proposals) {
        boolean several = proposals.size() > 1;
        List<List<Map<String, String>>> rows = new ArrayList<>();
        for (ProposalButtons p : proposals) {
            String suffix = several ? " " + p.label() : "";
            rows.add(List.of(button("✅ Approve" + suffix, p.approveToken()),
                    button("❌ Reject" + suffix, p.rejectToken())));
            p.tighterStop().ifPresent(t -> rows.add(List.of(button("✅ Approve" + suffix + ", stop " + t.stopText(),
                    t.token()))));
        }
        return rows;
    }

    private static Map<String, String> button(String text, String token) {
        Map<String, String> b = new LinkedHashMap<>();
        b.put("text", text);
        b.put("callback_data", token);
        return b;
    }
}
