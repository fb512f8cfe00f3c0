package tech.brokerbridge.ibkr.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import tech.brokerbridge.ibkr.internal.error.GatewayException;
import tech.brokerbridge.ibkr.internal.msg.Inbound;

/**
 * Requests waiting for their answers, by request id. Request ids come from their own range, far
 * above the order ids the gateway hands out, so that an error's id tells a request from an order
 * without guessing. Requests without an id (positions, open orders) use fixed negative keys.
 * Thread-safe.
 */
public final class Requests {
    /** Order ids start near 1 and grow by a handful per bracket; requests start here. */
    public static final int FIRST_REQUEST_ID = 1_000_000_000;
    public static final int POSITIONS_KEY = -1001;
    public static final int OPEN_ORDERS_KEY = -1002;

    /** Collects the messages of one request and completes its future. */
    public abstract static class Collector<T> {
        final CompletableFuture<T> future = new CompletableFuture<>();

        /** Takes one message of this request; returns true when the request is complete. */
        protected abstract boolean accept(Inbound m);

        protected final void complete(T value) {
            future.complete(value);
        }

        public CompletableFuture<T> future() {
            return future;
        }
    }

    /** A collector that keeps the messages of type {@code item} and completes with them when an {@code end} comes. */
    public static <T extends Inbound> Collector<List<T>> listUntil(Class<T> item, Class<? extends Inbound> end) {
        return new Collector<>() {
            private final List<T> seen = new ArrayList<>();

            @Override
            protected boolean accept(Inbound m) {
                if (item.isInstance(m)) {
                    seen.add(item.cast(m));
                } else if (end.isInstance(m)) {
                    complete(List.copyOf(seen));
                    return true;
                }
                return false;
            }
        };
    }

    private final AtomicInteger nextId = new AtomicInteger(FIRST_REQUEST_ID);
    private final Map<Integer, Collector<?>> pending = new ConcurrentHashMap<>();

    public int newId() {
        return nextId.getAndIncrement();
    }

    public <T> CompletableFuture<T> register(int key, Collector<T> c) {
        Collector<?> old = pending.put(key, c);
        if (old != null) {
            old.future.completeExceptionally(GatewayException.notConnected("request superseded"));
        }
        return c.future;
    }

    public boolean owns(int key) {
        return pending.containsKey(key);
    }

    /** Hands a message to its request; false when no request has this key. */
    public boolean route(int key, Inbound m) {
        Collector<?> c = pending.get(key);
        if (c == null) {
            return false;
        }
        if (c.accept(m)) {
            pending.remove(key, c);
        }
        return true;
    }

    public boolean fail(int key, GatewayException e) {
        Collector<?> c = pending.remove(key);
        if (c == null) {
            return false;
        }
        c.future.completeExceptionally(e);
        return true;
    }

    public void remove(int key) {
        pending.remove(key);
    }

    public void failAll(GatewayException e) {
        for (Integer key : pending.keySet()) {
            fail(key, e);
        }
    }

    /** Waits for a request's answer at most {@code timeout}; translates every failure to {@link GatewayException}. */
    public static <T> T await(CompletableFuture<T> f, Duration timeout, String what) {
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw GatewayException.timeout(what, timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw GatewayException.notConnected("interrupted while waiting for " + what);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GatewayException g) {
                throw g;
            }
            throw new GatewayException(GatewayException.Reason.REFUSED, what + " failed: " + e.getCause());
        }
    }
}
