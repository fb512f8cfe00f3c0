package tech.brokerbridge.keyring.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.brokerbridge.ports.secrets.SecretStoreException;

/**
 * The vault's files through Jackson: files written by the hand-written JSON code that came before
 * still open (test resources {@code legacy-vault/}, written by it with machine id
 * {@value #LEGACY_MACHINE}), are written back in the same layout, and damage is reported without
 * quoting the content.
 */
class VaultJsonTest {
    static final String LEGACY_MACHINE = "machine-id-legacy-fixture";
    private static final String TOKEN = "gAAAAABrFYBaCf8VFq9C5SOLu3FZWCDF941CaBFpjXuj8WClR9ZRkaW91h_9dYpcQ3ZrpSw7krQF";

    @TempDir
    Path temp;

    private static String legacy(String file) throws IOException {
        try (InputStream in = VaultJsonTest.class.getResourceAsStream("/legacy-vault/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aVaultWrittenByTheOldCodeStillOpens() throws IOException {
        Path data = temp.resolve("data");
        Files.createDirectories(data);
        for (String f : new String[] {VaultMetadata.FILE, FileTokenStorage.FILE}) {
            Files.writeString(data.resolve(f), legacy(f));
        }
        try (FernetSecretStore store = TestVaults.openFile(data, LEGACY_MACHINE)) {
            assertEquals("sk-ant-legacy-0123456789", store.get("claude.api_key").orElseThrow().reveal());
            assertEquals("pa\"ss\\word", store.get("ibkr.password").orElseThrow().reveal());
            assertEquals(List.of("claude.api_key", "ibkr.password"), store.list().stream().map(e -> e.name()).toList());
        }
        String after = Files.readString(data.resolve(VaultMetadata.FILE));
        assertTrue(after.contains("\"key_check\": \"gAAAAA"), "a vault whose tokens verify gains a key check: " + after);
        assertEquals(legacy(VaultMetadata.FILE), after.replaceAll(",\\s*\"key_check\"\\s*:\\s*\"[^\"]*\"", ""),
                "otherwise left as it was");
    }

    @Test
    void theFilesAreWrittenInTheSameLayout() throws IOException {
        VaultJson.Metadata m = VaultJson.read(legacy(VaultMetadata.FILE), VaultJson.Metadata.class);
        assertEquals(legacy(VaultMetadata.FILE), VaultJson.write(m));
        VaultJson.Secrets s = VaultJson.read(legacy(FileTokenStorage.FILE), VaultJson.Secrets.class);
        assertEquals(legacy(FileTokenStorage.FILE),
                VaultJson.write(new VaultJson.Secrets(1L, new TreeMap<>(s.secrets()))));
        VaultJson.Index i = VaultJson.read(legacy(KeyringTokenStorage.INDEX_FILE), VaultJson.Index.class);
        assertEquals(List.of("claude.api_key", "ibkr.password"), i.names());
        assertEquals(legacy(KeyringTokenStorage.INDEX_FILE), VaultJson.write(i));
        assertEquals("{\n  \"format\": 1,\n  \"secrets\": {}\n}\n",
                VaultJson.write(new VaultJson.Secrets(1L, new TreeMap<>())));
    }

    @Test
    void damageIsReportedWithoutQuotingTheContent() {
        for (String bad : new String[] {"", "{", "{\"secrets\":{\"a\":\"" + TOKEN + "\"}} " + TOKEN,
            "{\"secrets\":{\"a\":" + TOKEN + "}}", "{\"secrets\":{\"a\":12345678901}}",
            "{\"secrets\":[\"" + TOKEN + "\"]}",
            "{\"secrets\":{\"a\":\"" + TOKEN + "\",}}", "null"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> VaultJson.read(bad, VaultJson.Secrets.class), bad);
            assertFalse(e.getMessage().contains("gAAAA") || e.getMessage().contains("12345678901"), e.getMessage());
            assertTrue(e.getMessage().startsWith("JSON: "), e.getMessage());
        }
    }

    @Test
    void aDamagedSecretsFileStopsTheVaultAndNamesNoToken() throws IOException {
        Path data = temp.resolve("data");
        Files.createDirectories(data);
        Files.writeString(data.resolve(VaultMetadata.FILE), legacy(VaultMetadata.FILE));
        Files.writeString(data.resolve(FileTokenStorage.FILE),
                "{\"format\":1,\"secrets\":{\"a\":\"" + TOKEN + "\",\"b\":7}}");
        try (FernetSecretStore store = TestVaults.openFile(data, LEGACY_MACHINE)) {
            SecretStoreException e = assertThrows(SecretStoreException.class, () -> store.get("a"));
            assertTrue(e.getMessage().contains("damaged"), e.getMessage());
            assertFalse(e.getMessage().contains("gAAAA"), e.getMessage());
        }
    }

    @Test
    void iterationsMustBeAWholeNumber() throws IOException {
        String metadata = legacy(VaultMetadata.FILE);
        for (String bad : new String[] {"1000.0", "\"1000\""}) {
            Path data = temp.resolve("d" + bad.length());
            Files.createDirectories(data);
            Files.writeString(data.resolve(VaultMetadata.FILE), metadata.replace("1000", bad));
            SecretStoreException e = assertThrows(SecretStoreException.class,
                    () -> VaultMetadata.loadOrCreate(data, new java.security.SecureRandom(), 1000, false));
            assertTrue(e.getMessage().contains("damaged"), e.getMessage());
        }
    }
}
