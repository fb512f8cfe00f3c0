package tech.brokerbridge.ports.secrets;

import java.util.Objects;

/** A stored secret's name and state; never its value. */
public record SecretEntry(String name, SecretState state) {
    public SecretEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
    }
}
