package tech.brokerbridge.keyring.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.brokerbridge.ports.Secret;
import tech.brokerbridge.ports.secrets.SecretEntry;
import tech.brokerbridge.ports.secrets.SecretState;
import tech.brokerbridge.ports.secrets.SecretStoreException;
import tech.brokerbridge.ports.secrets.VaultDamagedException;

/** Issue 14.6: the vault's files edited, deleted, truncated or garbled, each refused with the way out. */
class VaultEdgeCasesTest {
    private static final String PLAINTEXT = "sk-EDGE-0a1b2c3d4e5f";
    @TempDir
    Path temp;

    private Path dataDir() {
        return temp.resolve("data");
    }

    private void saveOne() {
        try (FernetSecretStore store = TestVaults.openFile(dataDir(), "machine-1")) {
            store.put("openai.api_key", Secret.of(PLAINTEXT));
        }
    }

    private String vaultJson() throws Exception {
        return Files.readString(dataDir().resolve(VaultMetadata.FILE));
    }

    @Test
    void anAbsurdIterationCountIsRefusedAtOnceWithAClearMessage() throws Exception {
        saveOne();
        Path vault = dataDir().resolve(VaultMetadata.FILE);
        Files.writeString(vault, vaultJson().replaceAll("\"iterations\"\\s*:\\s*\\d+", "\"iterations\": 2000000000"));
        VaultDamagedException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(VaultDamagedException.class, () -> TestVaults.openFile(dataDir(), "machine-1")));
        assertTrue(e.getMessage().contains("2000000000 PBKDF2 iterations; at most 10000000"), e.getMessage());
        assertTrue(e.getMessage().contains("credentials reset"), e.getMessage());
        assertFalse(e.retryable());
        // one over the bound is refused too
        Files.writeString(vault, vaultJson().replaceAll("\"iterations\"\\s*:\\s*\\d+", "\"iterations\": 10000001"));
        assertThrows(VaultDamagedException.class, () -> TestVaults.openFile(dataDir(), "machine-1"));
    }

    @Test
    void aDeletedVaultFileWithSecretsLeftIsRefusedNotReplacedByANewSalt() throws Exception {
        saveOne();
        String before = vaultJson();
        Files.delete(dataDir().resolve(VaultMetadata.FILE));
        VaultDamagedException e = assertThrows(VaultDamagedException.class,
                () -> TestVaults.openFile(dataDir(), "machine-1"));
        assertTrue(e.getMessage().contains("vault.json is missing but stored secrets exist"), e.getMessage());
        assertTrue(e.getMessage().contains("Restore vault.json") && e.getMessage().contains("credentials reset"),
                e.getMessage());
        assertFalse(Files.exists(dataDir().resolve(VaultMetadata.FILE)), "no new salt was written");

        // way out 1: the file restored, everything is readable again
        Files.writeString(dataDir().resolve(VaultMetadata.FILE), before);
        try (FernetSecretStore store = TestVaults.openFile(dataDir(), "machine-1")) {
            assertEquals(PLAINTEXT, store.get("openai.api_key").orElseThrow().reveal());
        }
        // way out 2: a reset, then an empty vault with a new salt
        Files.delete(dataDir().resolve(VaultMetadata.FILE));
        VaultReset.Report report = new VaultReset(() -> {
            throw new KeyringClient.KeyringFailure("no keyring in this test", null);
        }, "brokerbridge-test", TestVaults.TIMEOUT).reset(dataDir());
        assertEquals(new VaultReset.Report(1, 0), report);
        try (FernetSecretStore store = TestVaults.openFile(dataDir(), "machine-1")) {
            assertEquals(List.of(), store.list());
        }
        assertFalse(vaultJson().equals(before));
    }

    @Test
    void aTamperedTokenIsDamagedNotFromAnotherMachine() throws Exception {
        saveOne();
        Path secrets = dataDir().resolve(FileTokenStorage.FILE);
        String json = Files.readString(secrets);
        String token = VaultJson.read(json, VaultJson.Secrets.class).secrets().get("openai.api_key");
        int at = token.length() / 2;
        char flipped = token.charAt(at) == 'A' ? 'B' : 'A';
        Files.writeString(secrets, json.replace(token, token.substring(0, at) + flipped + token.substring(at + 1)));
        try (FernetSecretStore store = TestVaults.openFile(dataDir(), "machine-1")) {
            SecretStoreException e = assertThrows(SecretStoreException.class, () -> store.get("openai.api_key"));
            assertTrue(e.getMessage().contains("damaged or tampered"), e.getMessage());
            assertFalse(e.getMessage().contains("another machine"), e.getMessage());
            assertEquals(List.of(new SecretEntry("openai.api_key", SecretState.DAMAGED)), store.list());
        }
        // the same directory on another machine: that is what it says there
        try (FernetSecretStore other = TestVaults.openFile(dataDir(), "machine-2")) {
            SecretStoreException e = assertThrows(SecretStoreException.class, () -> other.get("openai.api_key"));
            assertTrue(e.getMessage().contains("another machine"), e.getMessage());
            assertEquals(SecretState.UNDECRYPTABLE, other.list().get(0).state());
        }
    }

    @Test
    void aVaultMadeBeforeTheKeyCheckGetsOneWhenItsTokensVerify() throws Exception {
        saveOne();
        Path vault = dataDir().resolve(VaultMetadata.FILE);
        String legacy = vaultJson().replaceAll(",\\s*\"key_check\"\\s*:\\s*\"[^\"]*\"", "");
        assertFalse(legacy.contains("key_check"));
        Files.writeString(vault, legacy);
        // opened on another machine first: its key is not trusted, nothing is written
        try (FernetSecretStore other = TestVaults.openFile(dataDir(), "machine-2")) {
            assertEquals(SecretState.UNDECRYPTABLE, other.list().get(0).state());
        }
        assertEquals(legacy, vaultJson());
        try (FernetSecretStore store = TestVaults.openFile(dataDir(), "machine-1")) {
            assertEquals(PLAINTEXT, store.get("openai.api_key").orElseThrow().reveal());
        }
        assertTrue(vaultJson().matches("(?s).*\"key_check\"\\s*:\\s*\"gAAAAA.*"), vaultJson());
    }

    @Test
    void aTruncatedOrGarbledSecretsFileIsOneFailureWithOneClearMessage() throws Exception {
        saveOne();
        Path secrets = dataDir().resolve(FileTokenStorage.FILE);
        String json = Files.readString(secrets);
        byte[] random = new byte[512];
        new Random(14).nextBytes(random);
        List<byte[]> damages = List.of(json.substring(0, json.length() / 2).getBytes(StandardCharsets.UTF_8),
                json.substring(0, 3).getBytes(StandardCharsets.UTF_8), random);
        for (byte[] damage : damages) {
            Files.write(secrets, damage);
            try (FernetSecretStore store = TestVaults.openFile(dataDir(), "machine-1")) {
                for (Runnable call : List.<Runnable>of(store::list, () -> store.get("openai.api_key"),
                        () -> store.put("claude.api_key", Secret.of("x-123456789")))) {
                    VaultDamagedException e = assertThrows(VaultDamagedException.class, call::run);
                    assertTrue(e.getMessage().contains("secrets.json is damaged"), e.getMessage());
                    assertTrue(e.getMessage().contains("Restore it from a backup"), e.getMessage());
                    assertFalse(e.retryable(), "a retry cannot help");
                    assertFalse(e.getMessage().contains("gAAAAA"), "never quotes a token");
                }
            }
        }
    }
}
