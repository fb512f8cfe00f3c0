package tech.brokerbridge.keyring.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.brokerbridge.ports.Secret;
import tech.brokerbridge.ports.secrets.SecretEntry;
import tech.brokerbridge.ports.secrets.SecretState;

/**
 * What the real Secret Service holds, read with {@code secret-tool} behind the adapter's back:
 * one item per credential under service {@code brokerbridge}, attribute {@code account} = name, and
 * its secret a Fernet token, never the plaintext. Names are unique per run and removed afterwards.
 */
class KeyringRawItemTest {
    private static final String PLAINTEXT = "sk-ant-RAW-" + UUID.randomUUID();
    @TempDir
    Path temp;
    private Path secretTool;
    private final String name = "test-raw-" + UUID.randomUUID().toString().substring(0, 8);
    private FernetSecretStore vault;

    @BeforeEach
    void open() {
        secretTool = SecretService.requireSecretTool();
        vault = TestVaults.withRealKeyring(VaultOpener.SERVICE)
                .open(temp.resolve("data"), Backend.KEYRING, Optional.of("machine-raw"));
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (vault != null) {
            vault.delete(name);
            vault.close();
        }
        if (secretTool != null) {
            secretTool("clear", "service", VaultOpener.SERVICE, "account", name);
        }
    }

    /** Runs secret-tool; returns [exit code, stdout]. */
    private List<String> secretTool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(secretTool.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        process.getOutputStream().close();
        String out;
        try (InputStream stdout = process.getInputStream()) {
            out = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "secret-tool finished");
        return List.of(String.valueOf(process.exitValue()), out);
    }

    @Test
    void theItemIsAFernetTokenUnderServiceBrokerbridge() throws Exception {
        vault.put(name, Secret.of(PLAINTEXT));

        List<String> lookup = secretTool("lookup", "service", VaultOpener.SERVICE, "account", name);
        assertEquals("0", lookup.get(0), "secret-tool found the item");
        String raw = lookup.get(1).strip();
        assertTrue(raw.startsWith("gAAAAA"), "a Fernet token (version 0x80)");
        assertFalse(raw.contains(PLAINTEXT) || raw.contains(PLAINTEXT.substring(11, 23)), "no plaintext in the keyring");
        assertEquals(PLAINTEXT, vault.get(name).orElseThrow().reveal());

        List<String> search = secretTool("search", "--all", "service", VaultOpener.SERVICE, "account", name);
        assertTrue(search.get(1).contains("label = " + VaultOpener.SERVICE + "|" + name), search.get(1));
        assertFalse(search.get(1).contains(PLAINTEXT));

        assertTrue(vault.delete(name));
        assertEquals("1", secretTool("lookup", "service", VaultOpener.SERVICE, "account", name).get(0),
                "the item is gone from the keyring");
    }

    @Test
    void anIndexedNameWhoseItemVanishedIsSkippedAndAnUnindexedItemIsIgnored() throws Exception {
        vault.put(name, Secret.of(PLAINTEXT));
        secretTool("clear", "service", VaultOpener.SERVICE, "account", name);
        assertEquals(List.of(), vault.list(), "indexed but gone: not listed");
        assertEquals(Optional.empty(), vault.get(name));

        // an item under the service that this data directory never wrote
        Process store = new ProcessBuilder(secretTool.toString(), "store", "--label=stray", "service",
                VaultOpener.SERVICE, "account", name + "-stray").start();
        store.getOutputStream().write("gAAAAAstray".getBytes(StandardCharsets.UTF_8));
        store.getOutputStream().close();
        assertTrue(store.waitFor(30, TimeUnit.SECONDS));
        try {
            assertEquals(Optional.empty(), vault.get(name + "-stray"));
            assertEquals(List.of(), vault.list());
        } finally {
            secretTool("clear", "service", VaultOpener.SERVICE, "account", name + "-stray");
        }
        vault.put(name, Secret.of("again"));
        assertEquals(List.of(new SecretEntry(name, SecretState.SAVED)), vault.list());
        assertTrue(Files.readString(temp.resolve("data").resolve(KeyringTokenStorage.INDEX_FILE)).contains(name));
    }
}
