package tech.brokerbridge.keyring.internal;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** Vault openers for tests: a low PBKDF2 work factor (the real one is exercised by VaultFactoryTest). */
final class TestVaults {
    static final int TEST_ITERATIONS = 1_000;
    static final Duration TIMEOUT = KeyringAccess.DEFAULT_TIMEOUT;

    private TestVaults() {}

    /** An opener that finds no OS keyring. */
    static VaultOpener withoutKeyring() {
        return opener(() -> {
            throw new KeyringClient.KeyringFailure("no keyring in this test", null);
        }, "brokerbridge-test");
    }

    /** An opener on the real OS keyring under {@code service}. */
    static VaultOpener withRealKeyring(String service) {
        return opener(JavaKeyringClient::create, service);
    }

    static VaultOpener opener(KeyringAccess.Connector connector, String service) {
        return new VaultOpener(connector, SystemProbe.real(), Clock.systemUTC(), new SecureRandom(),
                TEST_ITERATIONS, service, TIMEOUT);
    }

    static FernetSecretStore openFile(Path dataDir, String machineId) {
        return withoutKeyring().open(dataDir, Backend.FILE, Optional.of(machineId));
    }

    /** A JSON document as plain Java values (whole numbers as {@code Long}), for looking at files. */
    @SuppressWarnings("unchecked")
    static <T> T parse(String json) {
        try {
            return (T) new com.fasterxml.jackson.databind.ObjectMapper()
                    .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_LONG_FOR_INTS)
                    .readValue(json, Object.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON", e);
        }
    }
}
