package tech.brokerbridge.ports.secrets;

import tech.brokerbridge.ports.Require;

/** A stored secret's name and state; never its value. */
public record SecretEntry(String name, SecretState state) {
    public SecretEntry {
        Require.nonNull("name", name, "state", state);
    }
}
