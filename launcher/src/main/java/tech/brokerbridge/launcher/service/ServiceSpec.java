package tech.brokerbridge.launcher.service;

import java.nio.file.Path;
import java.util.List;

/**
 * What a login service runs: {@code command} followed by {@code serve}, with the data directory
 * {@code home}, secrets from {@code environmentFile} (owner-only; never written into the service
 * definition), and {@code stopTimeoutSeconds} to stop gracefully before it is killed.
 */
public record ServiceSpec(List<String> command, Path home, Path environmentFile, int stopTimeoutSeconds) {
    public ServiceSpec {
        command = List.copyOf(command);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("no command");
        }
    }

    /** The program and its arguments, {@code serve} included. */
    public List<String> serveCommand() {
        return java.util.stream.Stream.concat(command.stream(), java.util.stream.Stream.of("serve")).toList();
    }
}
