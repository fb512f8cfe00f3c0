package tech.brokerbridge.ports.broker;

import java.util.Objects;

/** Whether a broker is connected now, with a human message (never an account id). */
public record ConnectionStatus(boolean connected, String message) {
    public ConnectionStatus {
        Objects.requireNonNull(message, "message");
    }
}
