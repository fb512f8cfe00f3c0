package tech.brokerbridge.ports.desk;

import tech.brokerbridge.ports.Require;

/**
 * Who acts on a proposal, and through which channel, as the approvals log records it.
 *
 * @param channel {@code api} or {@code telegram}
 * @param id who, on that channel (the Telegram user id); empty for the API
 */
public record Actor(String channel, String id) {
    private static final Actor API = new Actor("api", "");

    public Actor {
        Require.nonNull("channel", channel, "id", id);
        if (!channel.matches("[a-z][a-z0-9_]{0,31}")) {
            throw new IllegalArgumentException("a channel is a short lower-case word, got " + channel);
        }
    }

    /** The HTTP API, the dashboard or an embedder calling the desk. */
    public static Actor api() {
        return API;
    }

    /** A Telegram user, by id. */
    public static Actor telegram(long userId) {
        return new Actor("telegram", Long.toString(userId));
    }
}
