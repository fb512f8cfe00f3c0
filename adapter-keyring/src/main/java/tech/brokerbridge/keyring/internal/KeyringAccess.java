package tech.brokerbridge.keyring.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tech.brokerbridge.ports.secrets.SecretStoreException;

/**
 * Every keyring call on one dedicated daemon thread (the Secret Service client is not safe for
 * concurrent use) and bounded by a timeout: a locked keyring may wait forever for a password prompt
 * that no one will answer. A call that times out or fails throws a retryable
 * {@link SecretStoreException} and marks the keyring unavailable until a call succeeds again.
 */
public final class KeyringAccess implements AutoCloseable {
    /** How long one keyring call may take. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /** Opens a client; may block, so it runs under the same timeout. */
    @FunctionalInterface
    public interface Connector {
        KeyringClient connect() throws KeyringClient.KeyringFailure;
    }

    @FunctionalInterface
    private interface Call<T> {
        T run(KeyringClient client) throws KeyringClient.KeyringFailure;
    }

    private final ExecutorService thread;
    private final KeyringClient client;
    private final Duration timeout;
    private volatile boolean available = true;

    private KeyringAccess(ExecutorService thread, KeyringClient client, Duration timeout) {
        this.thread = thread;
        this.client = client;
        this.timeout = timeout;
    }

    /**
     * Connects and probes: reads, writes {@code probeValue} and deletes {@code probeAccount}. A read
     * alone is not enough: a gnome-keyring without a default collection answers reads but fails
     * every write.
     *
     * @throws KeyringClient.KeyringFailure when no keyring answers within the timeout
     */
    public static KeyringAccess connect(
            Connector connector, Duration timeout, String service, String probeAccount, String probeValue)
            throws KeyringClient.KeyringFailure {
        return begin(connector, timeout, service, probeAccount).finish(probeValue);
    }

    /**
     * Starts connecting and the read probe on the keyring thread and returns at once, so that the
     * caller can derive the key meanwhile; {@link Pending#finish} completes the probe with a token
     * made under that key.
     */
    public static Pending begin(Connector connector, Duration timeout, String service, String probeAccount) {
        Objects.requireNonNull(connector, "connector");
        ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread t = new Thread(runnable, "brokerbridge-keyring");
            t.setDaemon(true);
            return t;
        });
        Future<KeyringClient> connected = thread.submit(connector::connect);
        // the same single thread runs this after the connect, whatever its outcome
        Future<Optional<String>> read = thread.submit(() -> connected.get().get(service, probeAccount));
        return new Pending(thread, connected, read, timeout, service, probeAccount);
    }

    /** A connection begun by {@link #begin}: finish it, or abandon it. */
    public static final class Pending {
        private final ExecutorService thread;
        private final Future<KeyringClient> connected;
        private final Future<Optional<String>> read;
        private final Duration timeout;
        private final String service;
        private final String probeAccount;

        private Pending(ExecutorService thread, Future<KeyringClient> connected, Future<Optional<String>> read,
                Duration timeout, String service, String probeAccount) {
            this.thread = thread;
            this.connected = connected;
            this.read = read;
            this.timeout = timeout;
            this.service = service;
            this.probeAccount = probeAccount;
        }

        /**
         * Waits for the connection and the read probe (each at most the timeout), then writes and
         * deletes {@code probeValue}.
         *
         * @throws KeyringClient.KeyringFailure when no keyring answers within the timeout
         */
        public KeyringAccess finish(String probeValue) throws KeyringClient.KeyringFailure {
            KeyringClient client = null;
            try {
                client = await(connected, timeout, "connecting");
                KeyringClient c = client;
                await(read, timeout, "probing a read");
                await(thread.submit(() -> {
                    c.set(service, probeAccount, probeValue);
                    return c.delete(service, probeAccount);
                }), timeout, "probing a write");
                return new KeyringAccess(thread, client, timeout);
            } catch (KeyringClient.KeyringFailure ex) {
                abandon(client);
                throw ex;
            }
        }

        /** Gives the connection up (the key could not be made): stops the thread, closes the client. */
        public void abandon() {
            KeyringClient client = null;
            if (connected.isDone() && !connected.isCancelled()) {
                try {
                    client = connected.get();
                } catch (ExecutionException | InterruptedException ex) {
                    client = null;
                }
            }
            abandon(client);
        }

        private void abandon(KeyringClient client) {
            // a call stuck on a prompt keeps the thread: interrupt it, then close from here, which
            // also breaks a D-Bus call that ignores the interrupt
            thread.shutdownNow();
            if (client != null) {
                client.close();
            }
        }
    }

    private static <T> T await(Future<T> future, Duration timeout, String what) throws KeyringClient.KeyringFailure {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException ex) {
            future.cancel(true);
            throw new KeyringClient.KeyringFailure(
                    "the OS keyring did not answer within " + timeout.toMillis() + " ms (" + what
                            + "; is it locked, waiting for a password prompt?)", ex);
        } catch (ExecutionException ex) {
            Throwable cause = ex.getCause();
            if (cause instanceof KeyringClient.KeyringFailure failure) {
                throw failure;
            }
            throw new KeyringClient.KeyringFailure(
                    "the OS keyring failed (" + what + "): " + JavaKeyringClient.describe(cause), cause);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new KeyringClient.KeyringFailure("interrupted while " + what, ex);
        }
    }

    private <T> T call(String what, Call<T> call) {
        try {
            T result = await(thread.submit(() -> call.run(client)), timeout, what);
            available = true;
            return result;
        } catch (KeyringClient.KeyringFailure ex) {
            available = false;
            throw new SecretStoreException(ex.getMessage(), true, false, ex);
        } catch (java.util.concurrent.RejectedExecutionException ex) {
            throw new SecretStoreException("the keyring connection is closed", false, false, ex);
        }
    }

    public Optional<String> get(String service, String account) {
        return call("reading", c -> c.get(service, account));
    }

    public void set(String service, String account, String value) {
        call("writing", c -> {
            c.set(service, account, value);
            return Boolean.TRUE;
        });
    }

    public boolean delete(String service, String account) {
        return call("deleting", c -> c.delete(service, account));
    }

    public boolean available() {
        return available;
    }

    public String description() {
        return client.description();
    }

    /** Closes the client on the keyring thread, or from here when that thread is stuck. Idempotent. */
    @Override
    public void close() {
        if (thread.isShutdown()) {
            return;
        }
        Future<?> closing = thread.submit(client::close);
        try {
            closing.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            thread.shutdown();
        } catch (ExecutionException ex) {
            thread.shutdown();
        } catch (TimeoutException ex) {
            thread.shutdownNow();
            client.close();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            thread.shutdownNow();
            client.close();
        }
    }
}
