package tech.brokerbridge.launcher.wiring;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.keyring.Vault;
import tech.brokerbridge.ports.Secret;
import tech.brokerbridge.ports.secrets.SecretEntry;
import tech.brokerbridge.ports.secrets.SecretStoreException;
import tech.brokerbridge.ports.secrets.StoreInfo;

/**
 * The vault while it opens: opening derives the key (PBKDF2, 480,000 iterations: a few hundred
 * milliseconds of CPU in a fresh JVM) and probes the OS keyring, so the daemon starts it on a thread of
 * its own at once and assembles and starts everything else meanwhile. Every call waits for the open
 * (at most {@link #WAIT}); {@link #awaitOpen()} is the start-up step that makes a vault that cannot be
 * opened fail the start, as before, before the HTTP server answers.
 *
 * <p>Thread-safe, like the vault it hands calls to.
 */
final class OpeningVault implements Vault {
    /** The longest any call waits for the open: the keyring's own timeout and the derivation fit well in it. */
    static final Duration WAIT = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(OpeningVault.class);

    private final CompletableFuture<String> installation = new CompletableFuture<>();
    private final CompletableFuture<Vault> opening = new CompletableFuture<>();
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    /** The opening thread: a close waits for it to end, not only for its result. */
    private volatile Thread thread;

    private OpeningVault() {
    }

    /**
     * Starts, on a new daemon thread, {@code installationId} (fast: what the license check needs at
     * start-up) then {@code open}, and returns at once.
     */
    static OpeningVault begin(Supplier<String> installationId, Supplier<Vault> open) {
        OpeningVault v = new OpeningVault();
        Thread t = new Thread(() -> {
            try {
                v.installation.complete(installationId.get());
                v.opening.complete(open.get());
            } catch (RuntimeException | Error e) { // handed to every caller, and to the start-up step
                v.installation.completeExceptionally(e);
                v.opening.completeExceptionally(e);
            }
        }, "brokerbridge-vault-open");
        t.setDaemon(true);
        v.thread = t;
        t.start();
        return v;
    }

    /**
     * Waits for the open; the start-up step of the vault.
     *
     * @throws SecretStoreException when the vault could not be opened (not retryable), or did not open in {@link #WAIT}
     */
    void awaitOpen() {
        vault();
    }

    private Vault vault() {
        return await(opening);
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SecretStoreException s) {
                throw new SecretStoreException(s.getMessage(), s.retryable(), s.undecryptable(), s);
            }
            throw new SecretStoreException("the vault could not be opened: " + cause, false, false, cause);
        } catch (TimeoutException e) {
            throw new SecretStoreException("the vault did not open within " + WAIT.toSeconds() + " s", true, false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SecretStoreException("interrupted while the vault opened", true, false, e);
        }
    }

    @Override
    public void put(String name, Secret value) {
        vault().put(name, value);
    }

    @Override
    public Optional<Secret> get(String name) {
        return vault().get(name);
    }

    @Override
    public boolean delete(String name) {
        return vault().delete(name);
    }

    @Override
    public List<SecretEntry> list() {
        return vault().list();
    }

    @Override
    public StoreInfo info() {
        return vault().info();
    }

    /** Waits for the machine fingerprint only, not for the key. */
    @Override
    public String installationId() {
        return await(installation);
    }

    /**
     * Closes the vault once it has opened (waiting for the open, at most {@link #WAIT}, and for its thread
     * to end); never throws.
     * Idempotent: the runtime closes it as a service and again when it releases the data directory.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            vault().close();
        } catch (SecretStoreException e) {
            LOG.debug("no vault to close: {}", e.getMessage());
        }
        // the thread completes the open, then still runs for a moment: a stop returns once it has ended
        // (BackupRestoreTest saw it alive just after a stop, under load)
        Thread t = thread;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return opening.isDone() && !opening.isCompletedExceptionally() ? opening.join().toString() : "Vault[opening]";
    }
}
