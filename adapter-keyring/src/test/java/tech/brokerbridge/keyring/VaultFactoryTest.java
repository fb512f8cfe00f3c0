package tech.brokerbridge.keyring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.brokerbridge.ports.Secret;
import tech.brokerbridge.ports.secrets.SecretEntry;
import tech.brokerbridge.ports.secrets.SecretState;
import tech.brokerbridge.ports.secrets.SecretStoreException;
import tech.brokerbridge.ports.secrets.StoreInfo;

/** The published entry point, with the real work factor (480,000 PBKDF2 iterations). */
class VaultFactoryTest {
    @TempDir
    Path temp;

    private Vault open(String backend, String machineId) {
        return VaultFactory.open(new VaultConfig(temp.resolve("data"), backend, Optional.of(machineId)));
    }

    @Test
    void aCredentialSurvivesARestartAndIsUndecryptableWithAnotherMachineId() throws Exception {
        String idA;
        try (Vault a = open("file", "machine-A")) {
            a.put("claude.api_key", Secret.of("sk-ant-factory"));
            idA = a.installationId();
            assertEquals(new StoreInfo("file", true, Optional.empty()), a.info());
        }
        assertTrue(Files.readString(temp.resolve("data/vault.json")).contains("\"iterations\": 480000"));
        try (Vault again = open("file", "machine-A")) {
            assertEquals("sk-ant-factory", again.get("claude.api_key").orElseThrow().reveal());
            assertEquals(idA, again.installationId(), "stable across restarts");
        }
        try (Vault b = open("file", "machine-B")) {
            assertNotEquals(idA, b.installationId());
            assertEquals(List.of(new SecretEntry("claude.api_key", SecretState.UNDECRYPTABLE)), b.list());
            SecretStoreException ex = assertThrows(SecretStoreException.class, () -> b.get("claude.api_key"));
            assertTrue(ex.undecryptable());
            assertEquals("credential 'claude.api_key' was encrypted on another machine \u2014 enter it again",
                    ex.getMessage());
            b.put("claude.api_key", Secret.of("sk-ant-on-B"));
            assertEquals("sk-ant-on-B", b.get("claude.api_key").orElseThrow().reveal());
            assertEquals(List.of(new SecretEntry("claude.api_key", SecretState.SAVED)), b.list());
        }
    }

    @Test
    void autoUsesTheKeyringWhenOneAnswersAndOtherwiseTheFileWithAWarning() {
        boolean required = "1".equals(System.getenv("BROKERBRIDGE_REQUIRE_KEYRING"));
        try (Vault vault = open("auto", "machine-auto")) {
            StoreInfo info = vault.info();
            assertTrue(info.available());
            if (info.backend().equals("keyring")) {
                assertEquals(Optional.empty(), info.warning());
            } else {
                assertFalse(required, "BROKERBRIDGE_REQUIRE_KEYRING=1 but auto fell back to " + info);
                assertEquals("file", info.backend());
                assertTrue(info.warning().orElseThrow().startsWith("No OS keyring answered"), info.toString());
            }
            assertTrue(vault.toString().contains(info.backend()));
        }
    }

    @Test
    void theConfigValidatesAndNormalisesAndHidesTheOverride() {
        Path dir = temp.resolve("x");
        assertEquals("keyring", new VaultConfig(dir, " KeyRing ", Optional.empty()).backend());
        assertThrows(IllegalArgumentException.class, () -> new VaultConfig(dir, "vault", Optional.empty()));
        assertEquals(Optional.empty(), new VaultConfig(dir, "auto", Optional.of("  ")).machineIdOverride());
        VaultConfig config = new VaultConfig(dir, "file", Optional.of("secret-machine-id-42"));
        assertEquals(Optional.of("secret-machine-id-42"), config.machineIdOverride());
        assertFalse(config.toString().contains("secret-machine-id-42"), config.toString());
        assertEquals(new VaultConfig(dir, "auto", Optional.empty()), VaultConfig.defaults(dir));
        assertThrows(NullPointerException.class, () -> new VaultConfig(null, "auto", Optional.empty()));
    }
}
