package tech.brokerbridge.keyring.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ports.secrets.SecretStoreException;

/**
 * Failure modes of the OS keyring that a real one cannot be made to show on demand: a call that
 * never returns (a locked keyring waiting for a prompt) and a backend that starts failing.
 */
class KeyringAccessTest {
    /** Long enough to never fire by accident, short enough to keep the suite fast. */
    private static final Duration SHORT = Duration.ofMillis(300);
    private final CountDownLatch never = new CountDownLatch(1);

    @AfterEach
    void release() {
        never.countDown();
    }

    /** A keyring in a map that can be told to hang or to fail. */
    final class ScriptedKeyring implements KeyringClient {
        final Map<String, String> entries = new HashMap<>();
        volatile boolean hang;
        volatile boolean fail;
        volatile boolean closed;
        volatile boolean failWrites;

        private void act() throws KeyringFailure {
            if (hang) {
                try {
                    never.await();
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            }
            if (fail) {
                throw new KeyringFailure("D-Bus connection lost", null);
            }
        }

        @Override
        public Optional<String> get(String service, String account) throws KeyringFailure {
            act();
            return Optional.ofNullable(entries.get(service + "/" + account));
        }

        @Override
        public void set(String service, String account, String value) throws KeyringFailure {
            act();
            if (failWrites) {
                throw new KeyringFailure("keyring write failed: no default collection", null);
            }
            entries.put(service + "/" + account, value);
        }

        @Override
        public boolean delete(String service, String account) throws KeyringFailure {
            act();
            return entries.remove(service + "/" + account) != null;
        }

        @Override
        public String description() {
            return "SCRIPTED";
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void aProbeThatNeverAnswersTimesOutAndClosesTheClient() {
        ScriptedKeyring keyring = new ScriptedKeyring();
        keyring.hang = true;
        assertProbeRefused(keyring, "did not answer within 300 ms");
    }

    @Test
    void theProbeWritesAndRemovesAnEntryAndAKeyringThatOnlyReadsIsUnavailable() throws Exception {
        ScriptedKeyring keyring = new ScriptedKeyring();
        KeyringAccess.connect(() -> keyring, SHORT, "svc", "__probe__", "token").close();
        assertEquals(Map.of(), keyring.entries, "the probe leaves nothing behind");

        ScriptedKeyring readOnly = new ScriptedKeyring();
        readOnly.failWrites = true;
        assertProbeRefused(readOnly, "no default collection");
    }

    /** Connecting to {@code keyring} fails with {@code reason} in the message, and the client is closed. */
    private static void assertProbeRefused(ScriptedKeyring keyring, String reason) {
        KeyringClient.KeyringFailure failure = assertThrows(KeyringClient.KeyringFailure.class,
                () -> KeyringAccess.connect(() -> keyring, SHORT, "svc", "__probe__", "token"));
        assertTrue(failure.getMessage().contains(reason), failure.getMessage());
        assertTrue(keyring.closed);
    }

    @Test
    void aConnectorThatFailsIsReportedWithItsReason() {
        KeyringClient.KeyringFailure failure = assertThrows(KeyringClient.KeyringFailure.class,
                () -> KeyringAccess.connect(() -> {
                    throw new KeyringClient.KeyringFailure("no keyring backend: none", null);
                }, SHORT, "svc", "__probe__", "token"));
        assertEquals("no keyring backend: none", failure.getMessage());
    }

    @Test
    void callsThatFailOrHangBecomeRetryableErrorsAndMarkTheKeyringUnavailable() throws Exception {
        ScriptedKeyring keyring = new ScriptedKeyring();
        try (KeyringAccess access = KeyringAccess.connect(() -> keyring, SHORT, "svc", "__probe__", "token")) {
            access.set("svc", "a", "token-a");
            assertEquals(Optional.of("token-a"), access.get("svc", "a"));
            assertTrue(access.available());

            keyring.fail = true;
            SecretStoreException failed = assertThrows(SecretStoreException.class, () -> access.get("svc", "a"));
            assertTrue(failed.retryable());
            assertFalse(failed.undecryptable());
            assertFalse(access.available());

            keyring.fail = false;
            assertTrue(access.delete("svc", "a"));
            assertTrue(access.available(), "available again after a call succeeds");

            keyring.hang = true;
            SecretStoreException slow = assertThrows(SecretStoreException.class, () -> access.set("svc", "b", "t"));
            assertTrue(slow.retryable());
            assertTrue(slow.getMessage().contains("did not answer"), slow.getMessage());
        }
        assertTrue(keyring.closed, "closed, from the caller when the keyring thread is stuck");
    }

    @Test
    void theVaultFallsBackToTheFileWhenTheKeyringHangsAndFailsWhenTheKeyringIsRequired(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path temp) {
        ScriptedKeyring keyring = new ScriptedKeyring();
        keyring.hang = true;
        VaultOpener opener = new VaultOpener(() -> keyring, SystemProbe.real(), java.time.Clock.systemUTC(),
                new java.security.SecureRandom(), TestVaults.TEST_ITERATIONS, "svc", SHORT);
        try (FernetSecretStore store = opener.open(temp, Backend.AUTO, Optional.of("m"))) {
            assertEquals("file", store.info().backend());
            assertTrue(store.info().warning().orElseThrow().contains("No OS keyring answered"));
            assertTrue(store.info().warning().orElseThrow().contains("secrets.json"));
        }
        SecretStoreException required = assertThrows(SecretStoreException.class,
                () -> opener.open(temp, Backend.KEYRING, Optional.of("m")));
        assertFalse(required.retryable());
        assertTrue(required.getMessage().startsWith("secrets.backend=keyring but no OS keyring answered"),
                required.getMessage());
    }

    @Test
    void aBegunConnectionRunsWhileTheCallerWorksAndFinishesWithTheProbeWrite() throws Exception {
        ScriptedKeyring keyring = new ScriptedKeyring();
        CountDownLatch connecting = new CountDownLatch(1);
        CountDownLatch mayConnect = new CountDownLatch(1);
        KeyringAccess.Pending pending = KeyringAccess.begin(() -> {
            connecting.countDown();
            try {
                mayConnect.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return keyring;
        }, Duration.ofSeconds(10), "svc", "__probe__");
        // begin returned while the connector is still blocked: the caller derives its key meanwhile
        assertTrue(connecting.await(10, java.util.concurrent.TimeUnit.SECONDS));
        mayConnect.countDown();
        try (KeyringAccess access = pending.finish("token")) {
            assertEquals("SCRIPTED", access.description());
            assertTrue(keyring.entries.isEmpty(), "the probe entry was written and deleted");
        }
    }

    @Test
    void anAbandonedConnectionIsClosed() throws Exception {
        ScriptedKeyring keyring = new ScriptedKeyring();
        CountDownLatch connected = new CountDownLatch(1);
        KeyringAccess.Pending pending = KeyringAccess.begin(() -> {
            connected.countDown();
            return keyring;
        }, SHORT, "svc", "__probe__");
        assertTrue(connected.await(10, java.util.concurrent.TimeUnit.SECONDS));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!keyring.closed && System.nanoTime() < deadline) {
            pending.abandon(); // closes the client once its connect has returned
            Thread.sleep(5);
        }
        assertTrue(keyring.closed);
    }
}
