package tech.brokerbridge.ports.secrets;

import java.util.Optional;
import tech.brokerbridge.ports.Require;

/**
 * Which backend holds the secrets and whether it answers.
 *
 * @param backend e.g. {@code keyring}, {@code file}
 * @param warning e.g. that secrets fell back to an encrypted file because no OS keyring answered
 */
public record StoreInfo(String backend, boolean available, Optional<String> warning) {
    public StoreInfo {
        Require.nonNull("backend", backend, "warning", warning);
    }
}
