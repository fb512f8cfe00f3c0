package tech.brokerbridge.keyring.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.brokerbridge.ports.Secret;
import tech.brokerbridge.ports.secrets.SecretStoreException;

/** What the file backend leaves on disk, and how it treats damaged or loosened files. */
class FileBackendTest {
    private static final String PLAINTEXT = "sk-FILE-0a1b2c3d4e5f";
    @TempDir
    Path temp;

    private Path dataDir() {
        return temp.resolve("home").resolve("data");
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void filesArePrivateAndHoldTokensOnly() throws Exception {
        String machineId = "machine-id-" + java.util.UUID.randomUUID();
        try (FernetSecretStore store = TestVaults.openFile(dataDir(), machineId)) {
            store.put("claude.api_key", Secret.of(PLAINTEXT));
        }
        assertEquals("rwx------", mode(dataDir()), "a data directory it creates is 0700");
        Path secrets = dataDir().resolve(FileTokenStorage.FILE);
        Path vault = dataDir().resolve(VaultMetadata.FILE);
        assertEquals("rw-------", mode(secrets));
        assertEquals("rw-------", mode(vault));
        String content = Files.readString(secrets);
        assertFalse(content.contains(PLAINTEXT) || content.contains("0a1b2c3d"), "no plaintext on disk");
        Object token = ((Map<?, ?>) TestVaults.<Map<?, ?>>parse(content).get("secrets")).get("claude.api_key");
        assertTrue(token instanceof String t && t.startsWith("gAAAAA"), "a Fernet token");
        Map<String, Object> metadata = TestVaults.parse(Files.readString(vault));
        assertEquals("PBKDF2-HMAC-SHA256", metadata.get("kdf"));
        assertEquals((long) TestVaults.TEST_ITERATIONS, metadata.get("iterations"));
        assertEquals(16, java.util.Base64.getDecoder().decode((String) metadata.get("salt")).length);
        for (String file : new String[] {VaultMetadata.FILE, FileTokenStorage.FILE}) {
            assertFalse(Files.readString(dataDir().resolve(file)).contains(machineId), "the fingerprint is never stored");
        }
        try (Stream<Path> files = Files.list(dataDir())) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    @Test
    void valuesSurviveAReopenAndTheSaltIsKept() throws Exception {
        try (FernetSecretStore store = TestVaults.openFile(dataDir(), "m1")) {
            store.put("ibkr.password", Secret.of(PLAINTEXT));
        }
        String metadata = Files.readString(dataDir().resolve(VaultMetadata.FILE));
        try (FernetSecretStore again = TestVaults.openFile(dataDir(), "m1")) {
            assertEquals(PLAINTEXT, again.get("ibkr.password").orElseThrow().reveal());
        }
        assertEquals(metadata, Files.readString(dataDir().resolve(VaultMetadata.FILE)));
    }

    @Test
    void twoVaultsOnOneDirectoryDoNotLoseEachOthersWrites() throws Exception {
        // like the CLI writing while the desk runs: read-modify-write under the directory's lock
        try (FernetSecretStore one = TestVaults.openFile(dataDir(), "m1");
                FernetSecretStore two = TestVaults.openFile(dataDir(), "m1")) {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                java.util.concurrent.Future<?> a = pool.submit(() -> {
                    for (int i = 0; i < 20; i++) {
                        one.put("one." + i, Secret.of("v" + i));
                    }
                });
                java.util.concurrent.Future<?> b = pool.submit(() -> {
                    for (int i = 0; i < 20; i++) {
                        two.put("two." + i, Secret.of("v" + i));
                    }
                });
                a.get(60, java.util.concurrent.TimeUnit.SECONDS);
                b.get(60, java.util.concurrent.TimeUnit.SECONDS);
            } finally {
                pool.shutdownNow();
            }
            assertEquals(40, one.list().size());
            assertEquals("v19", two.get("one.19").orElseThrow().reveal());
        }
    }

    @Test
    void looseFilePermissionsAreTightenedAtOpen() throws Exception {
        try (FernetSecretStore store = TestVaults.openFile(dataDir(), "m1")) {
            store.put("a", Secret.of("x"));
        }
        Path secrets = dataDir().resolve(FileTokenStorage.FILE);
        Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rw-r--r--"));
        TestVaults.openFile(dataDir(), "m1").close();
        assertEquals("rw-------", mode(secrets));
    }

    @Test
    void anExistingDataDirectoryKeepsItsMode() throws Exception {
        Files.createDirectories(dataDir());
        Files.setPosixFilePermissions(dataDir(), PosixFilePermissions.fromString("rwxr-x---"));
        TestVaults.openFile(dataDir(), "m1").close();
        assertEquals("rwxr-x---", mode(dataDir()));
    }

    @Test
    void aDamagedSecretsFileFailsWithoutQuotingIt() throws Exception {
        Files.createDirectories(dataDir());
        Files.writeString(dataDir().resolve(FileTokenStorage.FILE), "{\"secrets\": {\"a\": gAAAAA-" + PLAINTEXT);
        try (FernetSecretStore store = TestVaults.openFile(dataDir(), "m1")) {
            SecretStoreException ex = assertThrows(SecretStoreException.class, store::list);
            assertTrue(ex.getMessage().contains("is damaged"), ex.getMessage());
            assertFalse(ex.getMessage().contains(PLAINTEXT) || ex.getMessage().contains("gAAAAA"));
            assertFalse(ex.retryable());
        }
    }

    @Test
    void aDamagedOrWeakenedVaultFileIsRefused() throws Exception {
        Files.createDirectories(dataDir());
        Path vault = dataDir().resolve(VaultMetadata.FILE);
        Files.writeString(vault, "{\"kdf\":\"PBKDF2-HMAC-SHA256\",\"iterations\":1000,\"salt\":\"short\"}");
        SecretStoreException damaged = assertThrows(SecretStoreException.class,
                () -> TestVaults.openFile(dataDir(), "m1"));
        assertTrue(damaged.getMessage().contains("is damaged"), damaged.getMessage());

        Files.writeString(vault, "{\"kdf\":\"PBKDF2-HMAC-SHA256\",\"iterations\":10,\"salt\":\"AAAAAAAAAAAAAAAAAAAAAA==\"}");
        SecretStoreException weak = assertThrows(SecretStoreException.class,
                () -> TestVaults.openFile(dataDir(), "m1"));
        assertTrue(weak.getMessage().contains("fewer than 1000"), weak.getMessage());
    }

    @Test
    void anotherMachineCannotReadButCanReplace() throws Exception {
        try (FernetSecretStore a = TestVaults.openFile(dataDir(), "machine-A")) {
            a.put("openai.api_key", Secret.of(PLAINTEXT));
        }
        // the whole directory copied to another machine
        Path copy = temp.resolve("copy");
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(dataDir())) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        try (FernetSecretStore b = TestVaults.openFile(copy, "machine-B")) {
            SecretStoreException ex = assertThrows(SecretStoreException.class, () -> b.get("openai.api_key"));
            assertTrue(ex.undecryptable());
            b.put("openai.api_key", Secret.of("new on B"));
            assertEquals(Optional.of("new on B"), b.get("openai.api_key").map(Secret::reveal));
        }
        try (FernetSecretStore a = TestVaults.openFile(dataDir(), "machine-A")) {
            assertEquals(PLAINTEXT, a.get("openai.api_key").orElseThrow().reveal(), "the original is untouched");
        }
    }
}
