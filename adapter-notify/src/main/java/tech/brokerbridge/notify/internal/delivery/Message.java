package tech.brokerbridge.notify.internal.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tech.brokerbridge.ports.Require;

/**
 * One notification as every channel renders it: a title, a plain-text body, a priority and tags
 * (ntfy), structured fields (the webhook's {@code data}) and, for new proposals, the Telegram buttons.
 * Everything here may leave the machine: the composer put nothing else in.
 *
 * @param event the routed event name ({@code proposal}, {@code fill}, …, or {@code test})
 * @param coalesceKey messages with the same key that wait together are sent as one; empty: never
 * @param fields ordered, JSON-ready values (text, numbers, booleans, lists and maps of those)
 */
public record Message(String event, Instant time, String title, String text, Priority priority, List<String> tags,
        Map<String, Object> fields, List<ProposalButtons> buttons, Optional<String> coalesceKey) {
    public Message {
        Require.nonNull("event", event, "time", time, "title", title, "text", text, "priority", priority,
                "coalesceKey", coalesceKey);
        tags = List.copyOf(tags);
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        buttons = List.copyOf(buttons);
    }

    /** How urgent: ntfy's priorities 2 to 5. */
    public enum Priority {
        LOW(2), DEFAULT(3), HIGH(4), URGENT(5);

        private final int ntfy;

        Priority(int ntfy) {
            this.ntfy = ntfy;
        }

        public int ntfy() {
            return ntfy;
        }
    }

    /** The title and body together, as a chat or a mail shows them. */
    public String fullText() {
        return title + "\n" + text;
    }

    /**
     * Several messages of one kind as one: "3 new proposals", each body after the other, every button,
     * the fields as {@code items}. One message is returned as it is.
     *
     * @param plural the title's noun for many, e.g. {@code new proposals}
     */
    public static Message coalesce(List<Message> messages, String plural) {
        if (messages.size() == 1) {
            return messages.get(0);
        }
        Message first = messages.get(0);
        List<String> bodies = new ArrayList<>();
        List<Object> items = new ArrayList<>();
        List<ProposalButtons> buttons = new ArrayList<>();
        Priority highest = Priority.LOW;
        for (Message m : messages) {
            bodies.add(m.title() + "\n" + m.text());
            items.add(m.fields());
            buttons.addAll(m.buttons());
            highest = m.priority().compareTo(highest) > 0 ? m.priority() : highest;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("count", messages.size());
        fields.put("items", items);
        return new Message(first.event(), messages.get(messages.size() - 1).time(), messages.size() + " " + plural,
                String.join("\n\n", bodies), highest, first.tags(), fields, buttons, first.coalesceKey());
    }
}
