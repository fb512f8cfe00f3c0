package tech.brokerbridge.ibkr.internal.account;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import tech.brokerbridge.ibkr.internal.msg.Inbound.UpdateAccountValue;
import tech.brokerbridge.ibkr.internal.msg.Inbound.UpdatePortfolio;

/**
 * What the reqAccountUpdates subscription pushes for the selected account: account values
 * (UnrealizedPnL, RealizedPnL, ...) and the portfolio lines with market price and P&L.
 * Thread-safe.
 *
 * <p>Daily P&L comes from IB's P&L subscription (reqPnL) once it answers. Until then (or with a
 * gateway that does not answer it) it is IB's RealizedPnL account value, which is today's, plus the
 * change of unrealized P&L since the first figure seen on the current New York trading date; a
 * process started mid-day then counts unrealized moves from its start, not from the open.
 */
public final class AccountState {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /** One portfolio line. */
    public record Holding(int conId, String symbol, double position, double marketPrice, double averageCost,
            double unrealizedPnl, double realizedPnl) {
    }

    private final Clock clock;
    private final Map<String, String> values = new HashMap<>();
    private final Map<Integer, Holding> holdings = new HashMap<>();
    private String account = "";
    private LocalDate baselineDate;
    private double unrealizedBaseline;
    private boolean downloaded;
    private double ibDaily = Double.MAX_VALUE;
    private double ibUnrealized = Double.MAX_VALUE;
    private double ibRealized = Double.MAX_VALUE;
    private java.util.concurrent.CompletableFuture<Void> download = new java.util.concurrent.CompletableFuture<>();

    public AccountState(Clock clock) {
        this.clock = clock;
    }

    /** Selects the account whose updates are kept; clears what was known. */
    public synchronized void select(String accountId) {
        account = accountId;
        values.clear();
        holdings.clear();
        downloaded = false;
        ibDaily = Double.MAX_VALUE;
        ibUnrealized = Double.MAX_VALUE;
        ibRealized = Double.MAX_VALUE;
        download = new java.util.concurrent.CompletableFuture<>();
    }

    /** Completes when the first accountDownloadEnd of the selected account arrived. */
    public synchronized java.util.concurrent.CompletableFuture<Void> downloadFuture() {
        return download;
    }

    public synchronized void onValue(UpdateAccountValue m) {
        if (!m.account().equals(account)) {
            return;
        }
        values.put(key(m.key(), m.currency()), m.value());
        if (m.key().equals("UnrealizedPnL")) {
            LocalDate today = LocalDate.now(clock.withZone(NEW_YORK));
            if (!today.equals(baselineDate)) {
                baselineDate = today;
                unrealizedBaseline = parse(m.value());
            }
        }
    }

    public synchronized void onPortfolio(UpdatePortfolio m) {
        if (!m.account().equals(account)) {
            return;
        }
        Holding h = new Holding(m.contract().conId(), m.contract().symbol(), m.position(), m.marketPrice(),
                m.averageCost(), m.unrealizedPnl(), m.realizedPnl());
        holdings.put(h.conId(), h);
    }

    /** IB's own P&L figures for the account (reqPnL); unset ones stay as they were. */
    public synchronized void onPnl(double daily, double unrealized, double realized) {
        if (daily != Double.MAX_VALUE) {
            ibDaily = daily;
        }
        if (unrealized != Double.MAX_VALUE) {
            ibUnrealized = unrealized;
        }
        if (realized != Double.MAX_VALUE) {
            ibRealized = realized;
        }
    }

    /** Open P&L: IB's P&L subscription when it has answered, else the account value. */
    public synchronized double unrealizedPnl(String currency) {
        return ibUnrealized != Double.MAX_VALUE ? ibUnrealized : value("UnrealizedPnL", currency);
    }

    /** P&L realized today: IB's P&L subscription when it has answered, else the account value. */
    public synchronized double realizedPnlToday(String currency) {
        return ibRealized != Double.MAX_VALUE ? ibRealized : value("RealizedPnL", currency);
    }

    public synchronized void onDownloadEnd(String accountId) {
        if (accountId.equals(account)) {
            downloaded = true;
            download.complete(null);
        }
    }

    public synchronized boolean downloaded() {
        return downloaded;
    }

    public synchronized Optional<Holding> holding(int conId) {
        return Optional.ofNullable(holdings.get(conId));
    }

    /** An account value in a currency, or in BASE when that is absent. */
    public synchronized double value(String key, String currency) {
        String v = values.get(key(key, currency));
        if (v == null) {
            v = values.getOrDefault(key(key, "BASE"), values.get(key(key, "")));
        }
        return v == null ? 0.0 : parse(v);
    }

    /**
     * Today's P&L: IB's figure from the P&L subscription when it has one, else realized today plus
     * the change of unrealized P&L since the first figure seen today.
     */
    public synchronized double dailyPnl(String currency) {
        if (ibDaily != Double.MAX_VALUE) {
            return ibDaily;
        }
        double unrealized = value("UnrealizedPnL", currency);
        double base = baselineDate == null ? unrealized : unrealizedBaseline;
        return value("RealizedPnL", currency) + (unrealized - base);
    }

    private static String key(String k, String currency) {
        return k + "|" + currency;
    }

    private static double parse(String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return 0.0;
        }
    }
}
