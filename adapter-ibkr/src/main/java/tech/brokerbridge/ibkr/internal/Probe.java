package tech.brokerbridge.ibkr.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tech.brokerbridge.ibkr.internal.account.IbAccounts;
import tech.brokerbridge.ibkr.internal.conn.GatewayConnection;
import tech.brokerbridge.ibkr.internal.conn.Pacer;
import tech.brokerbridge.ibkr.internal.conn.Sleeper;
import tech.brokerbridge.ibkr.internal.conn.Ticker;
import tech.brokerbridge.ibkr.internal.msg.Inbound;
import tech.brokerbridge.ibkr.internal.wire.ProtocolException;

/**
 * A one-off connection test: handshake, startApi, wait for managedAccounts, disconnect. The whole
 * test is bounded by one deadline. Account ids come back masked.
 */
public final class Probe {
    /**
     * Outcome of a probe; {@code accounts} are already masked, and each has its mode (paper or live, by
     * {@link IbAccounts#kindOf}) in {@code modes}.
     */
    public record Result(boolean ok, int serverVersion, List<String> accounts, String message,
            Map<String, String> modes) {
        Result(boolean ok, int serverVersion, List<String> accounts, String message) {
            this(ok, serverVersion, accounts, message, Map.of());
        }
    }

    private Probe() {
    }

    public static Result run(String host, int port, int clientId, java.time.Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();
        CompletableFuture<List<String>> accounts = new CompletableFuture<>();
        CompletableFuture<String> refused = new CompletableFuture<>();
        GatewayConnection.Listener listener = new GatewayConnection.Listener() {
            @Override
            public void onMessage(Inbound m) {
                if (m instanceof Inbound.ManagedAccounts a) {
                    accounts.complete(a.accounts());
                } else if (m instanceof Inbound.ErrorMessage e && e.code() == 326) {
                    refused.complete("client id " + clientId + " is already in use at the gateway");
                    accounts.completeExceptionally(new IllegalStateException(refused.getNow("")));
                }
            }

            @Override
            public void onClosed(Throwable cause) {
                accounts.completeExceptionally(new IllegalStateException("the gateway closed the connection"));
            }
        };
        Pacer pacer = Pacer.ibDefault(Ticker.SYSTEM, Sleeper.SYSTEM);
        try (GatewayConnection c = GatewayConnection.open(host, port, clientId, budget, pacer, listener)) {
            long left = Math.max(1, deadline - System.nanoTime());
            List<String> ids = accounts.get(left, TimeUnit.NANOSECONDS);
            Map<String, String> modes = new LinkedHashMap<>();
            ids.forEach(id -> modes.put(IbAccounts.mask(id), IbAccounts.kindOf(id).wire()));
            return new Result(true, c.serverVersion(), ids.stream().map(IbAccounts::mask).toList(), "connected (server version "
                    + c.serverVersion() + "); " + describe(modes), modes);
        } catch (IOException | ProtocolException e) {
            return new Result(false, 0, List.of(), "cannot connect to IB Gateway at " + host + ":" + port + ": "
                    + e.getMessage());
        } catch (TimeoutException e) {
            return new Result(false, 0, List.of(), "the gateway did not send its accounts within "
                    + budget.toMillis() + " ms");
        } catch (ExecutionException e) {
            return new Result(false, 0, List.of(), refused.getNow(e.getCause().getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, 0, List.of(), "interrupted");
        }
    }

    /** e.g. {@code 1 account: DU****567 (paper)}. */
    private static String describe(Map<String, String> modes) {
        List<String> each = modes.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")").toList();
        return each.size() + (each.size() == 1 ? " account: " : " accounts: ") + String.join(", ", each);
    }
}
