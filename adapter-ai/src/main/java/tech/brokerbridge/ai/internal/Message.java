package tech.brokerbridge.ai.internal;

import java.util.Objects;

/** One turn of the conversation after the system prompt. */
record Message(Role role, String text) {
    enum Role { USER, ASSISTANT }

    Message {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(text, "text");
    }

    static Message user(String text) {
        return new Message(Role.USER, text);
    }

    static Message assistant(String text) {
        return new Message(Role.ASSISTANT, text);
    }
}
