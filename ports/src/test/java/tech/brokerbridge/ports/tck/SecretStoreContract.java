package tech.brokerbridge.ports.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ports.Secret;
import tech.brokerbridge.ports.secrets.SecretEntry;
import tech.brokerbridge.ports.secrets.SecretState;
import tech.brokerbridge.ports.secrets.SecretStore;
import tech.brokerbridge.ports.secrets.SecretStoreException;
import tech.brokerbridge.ports.secrets.StoreInfo;

/**
 * The contract every {@link SecretStore} honours, real or fake: values round-trip exactly, put
 * replaces, delete says whether it removed something, list is sorted and shows names and states
 * only, a value encrypted elsewhere is {@link SecretState#UNDECRYPTABLE} (refused by {@code get},
 * replaced by {@code put}), names are short identifiers, and nothing prints a value.
 *
 * <p>Extend it: {@link #newStore()} returns a fresh, empty store (called once per test);
 * {@link #makeUndecryptable} plants a value the store cannot decrypt, the way a vault copied from
 * another machine would hold one.
 */
public abstract class SecretStoreContract {
    /** Recognisable, so a test can look for it anywhere. */
    protected static final String PLANTED = "sk-PLANTED-7f3a9c-do-not-print";

    /** A fresh, empty store. */
    protected abstract SecretStore newStore();

    /** Makes {@code name} hold a value that {@code store} cannot decrypt (as if saved on another machine). */
    protected abstract void makeUndecryptable(SecretStore store, String name);

    private static String reveal(Optional<Secret> secret) {
        assertTrue(secret.isPresent(), "expected a stored secret");
        return secret.get().reveal();
    }

    @Test
    void anEmptyStoreHoldsNothing() {
        SecretStore store = newStore();
        assertEquals(List.of(), store.list());
        assertEquals(Optional.empty(), store.get("claude.api_key"));
        assertFalse(store.delete("claude.api_key"));
    }

    @Test
    void valuesRoundTripExactly() {
        SecretStore store = newStore();
        List<String> values = List.of(PLANTED, "", " padded\t\n", "caf\u00e9 \u2713 \ud83d\udd11 \u65e5\u672c", "x".repeat(4096));
        for (int i = 0; i < values.size(); i++) {
            store.put("value-" + i, Secret.of(values.get(i)));
        }
        for (int i = 0; i < values.size(); i++) {
            assertEquals(values.get(i), reveal(store.get("value-" + i)), "value " + i);
        }
    }

    @Test
    void putReplaces() {
        SecretStore store = newStore();
        store.put("openai.api_key", Secret.of("first"));
        store.put("openai.api_key", Secret.of("second"));
        assertEquals("second", reveal(store.get("openai.api_key")));
        assertEquals(List.of(new SecretEntry("openai.api_key", SecretState.SAVED)), store.list());
    }

    @Test
    void deleteRemovesOneNameAndSaysWhetherItDid() {
        SecretStore store = newStore();
        store.put("a", Secret.of("1"));
        store.put("b", Secret.of("2"));
        assertTrue(store.delete("a"));
        assertFalse(store.delete("a"));
        assertEquals(Optional.empty(), store.get("a"));
        assertEquals("2", reveal(store.get("b")));
        assertEquals(List.of(new SecretEntry("b", SecretState.SAVED)), store.list());
    }

    @Test
    void listIsSortedByNameWithStatesOnly() {
        SecretStore store = newStore();
        for (String name : List.of("stripe.license_key", "claude.api_key", "ibkr.password", "google.api_key")) {
            store.put(name, Secret.of(PLANTED));
        }
        List<SecretEntry> entries = store.list();
        assertEquals(List.of("claude.api_key", "google.api_key", "ibkr.password", "stripe.license_key"),
                entries.stream().map(SecretEntry::name).toList());
        assertTrue(entries.stream().allMatch(e -> e.state() == SecretState.SAVED));
        assertThrows(UnsupportedOperationException.class, () -> entries.add(new SecretEntry("x", SecretState.SAVED)),
                "list() returns an unmodifiable snapshot");
    }

    @Test
    void theStoreKeepsItsOwnCopy() {
        SecretStore store = newStore();
        Secret original = Secret.of(PLANTED);
        store.put("claude.api_key", original);
        original.wipe();
        Secret first = store.get("claude.api_key").orElseThrow();
        first.wipe();
        assertEquals(PLANTED, reveal(store.get("claude.api_key")));
    }

    @Test
    void anUndecryptableValueIsListedRefusedAndReplaceable() {
        SecretStore store = newStore();
        store.put("openai.api_key", Secret.of("fine"));
        makeUndecryptable(store, "claude.api_key");

        assertEquals(List.of(new SecretEntry("claude.api_key", SecretState.UNDECRYPTABLE),
                new SecretEntry("openai.api_key", SecretState.SAVED)), store.list());
        SecretStoreException refused = assertThrows(SecretStoreException.class, () -> store.get("claude.api_key"));
        assertTrue(refused.undecryptable());
        assertFalse(refused.retryable());
        assertTrue(refused.getMessage().contains("claude.api_key"), refused.getMessage());
        assertTrue(refused.getMessage().contains("another machine"), refused.getMessage());
        assertEquals("fine", reveal(store.get("openai.api_key")), "other values stay readable");

        store.put("claude.api_key", Secret.of(PLANTED));
        assertEquals(PLANTED, reveal(store.get("claude.api_key")));
        assertEquals(SecretState.SAVED, store.list().get(0).state());
    }

    @Test
    void anUndecryptableValueCanBeDeleted() {
        SecretStore store = newStore();
        makeUndecryptable(store, "stripe.license_key");
        assertTrue(store.delete("stripe.license_key"));
        assertEquals(List.of(), store.list());
        assertEquals(Optional.empty(), store.get("stripe.license_key"));
    }

    @Test
    void namesAreShortIdentifiers() {
        SecretStore store = newStore();
        for (String bad : List.of("", " ", "has space", "slash/name", "new\nline", "x".repeat(101))) {
            assertThrows(IllegalArgumentException.class, () -> store.put(bad, Secret.of(PLANTED)), "put '" + bad + "'");
            assertThrows(IllegalArgumentException.class, () -> store.get(bad), "get '" + bad + "'");
            assertThrows(IllegalArgumentException.class, () -> store.delete(bad), "delete '" + bad + "'");
        }
        assertThrows(NullPointerException.class, () -> store.put(null, Secret.of("x")));
        assertThrows(NullPointerException.class, () -> store.put("claude.api_key", null));
        store.put("Claude-2.api_key_v1", Secret.of("ok"));
        assertEquals("ok", reveal(store.get("Claude-2.api_key_v1")));
    }

    @Test
    void infoNamesAnAvailableBackend() {
        StoreInfo info = newStore().info();
        assertNotNull(info);
        assertFalse(info.backend().isBlank());
        assertTrue(info.available());
    }

    @Test
    void nothingPrintsAValue() {
        SecretStore store = newStore();
        store.put("claude.api_key", Secret.of(PLANTED));
        List<String> printed = new ArrayList<>();
        printed.add(String.valueOf(store));
        printed.add(String.valueOf(store.list()));
        printed.add(String.valueOf(store.info()));
        printed.add(String.valueOf(store.get("claude.api_key")));
        for (String text : printed) {
            assertFalse(text.contains(PLANTED) || text.contains(PLANTED.substring(3, 13)), "printed a value: " + text);
        }
    }

    @Test
    void manyThreadsCanUseItAtOnce() throws Exception {
        SecretStore store = newStore();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 5; i++) {
                        String name = "t" + thread + ".n" + i;
                        store.put(name, Secret.of(name + "-value"));
                        assertEquals(name + "-value", reveal(store.get(name)));
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(20, store.list().size());
        assertTrue(store.list().stream().allMatch(e -> e.state() == SecretState.SAVED));
    }
}
