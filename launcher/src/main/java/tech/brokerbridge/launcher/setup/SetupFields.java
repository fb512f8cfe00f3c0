package tech.brokerbridge.launcher.setup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import tech.brokerbridge.launcher.config.Config;
import tech.brokerbridge.launcher.config.Settings;
import tech.brokerbridge.ports.setup.SetupConfig;

/**
 * Maps the setup wizard's configuration to configuration keys and back. Every member's JSON path is
 * its key, except {@code broker.host}, {@code broker.port} and {@code broker.client_id}, which are the
 * IB adapter's {@code ibkr.host}, {@code ibkr.port} and {@code ibkr.client_id}, and
 * {@code ai_provider.auth_type}, which is not stored (only {@code api_key} exists).
 */
final class SetupFields {
    static final String AUTH_TYPE = "ai_provider.auth_type";
    /** JSON path → configuration key, where they differ. */
    static final Map<String, String> KEYS = Map.of("broker.host", Settings.IBKR_HOST, "broker.port",
            Settings.IBKR_PORT, "broker.client_id", Settings.IBKR_CLIENT_ID);
    /** Members that change only when the desk restarts: they choose adapters. */
    static final Set<String> RESTART = Set.of("ai_provider.provider", "ai_provider.model", "broker.kind", "broker.host",
            "broker.port", "broker.client_id", Settings.TRADING_MODE);

    /**
     * One member of an update.
     *
     * @param path its JSON path
     * @param value its JSON value: String, Integer, Double or List of String
     */
    record Change(String path, Object value) {
        /** The configuration key it is stored under ({@link #path} for most). */
        String key() {
            return keyOf(path);
        }

        /** The value as the configuration holds it as text (lists comma-separated). */
        String text() {
            if (value instanceof List<?> l) {
                return String.join(",", l.stream().map(String::valueOf).toList());
            }
            return String.valueOf(value);
        }
    }

    private SetupFields() {
    }

    static String keyOf(String path) {
        return KEYS.getOrDefault(path, path);
    }

    /** The JSON path of a configuration key. */
    static String pathOf(String key) {
        for (Map.Entry<String, String> e : KEYS.entrySet()) {
            if (e.getValue().equals(key)) {
                return e.getKey();
            }
        }
        return key;
    }

    /** The members an update sets, in a stable order. {@code ai_provider.auth_type} is included (checked, not stored). */
    static List<Change> changes(SetupConfig u) {
        List<Change> out = new ArrayList<>();
        u.aiProvider().ifPresent(a -> {
            text(out, "ai_provider.provider", a.provider());
            text(out, AUTH_TYPE, a.authType());
            text(out, "ai_provider.model", a.model());
        });
        u.broker().ifPresent(b -> {
            text(out, "broker.kind", b.kind());
            text(out, "broker.host", b.host());
            integer(out, "broker.port", b.port());
            integer(out, "broker.client_id", b.clientId());
        });
        u.risk().ifPresent(r -> {
            number(out, Settings.MAX_POSITION_SIZE_PCT, r.maxPositionSizePct());
            integer(out, Settings.MAX_OPEN_TRADES, r.maxOpenTrades());
            number(out, Settings.MAX_PORTFOLIO_HEAT_PCT, r.maxPortfolioHeatPct());
            number(out, Settings.MAX_DAILY_LOSS_PCT, r.maxDailyLossPct());
            number(out, Settings.MIN_REWARD_RISK, r.minRewardRisk());
            number(out, Settings.RISK_PER_TRADE_PCT, r.riskPerTradePct());
        });
        u.scoring().ifPresent(s -> {
            number(out, Settings.WEIGHT_EVIDENCE, s.evidenceWeight());
            number(out, Settings.WEIGHT_QUALITY, s.qualityWeight());
            number(out, Settings.WEIGHT_CONVICTION, s.convictionWeight());
        });
        text(out, Settings.TRADING_MODE, u.tradingMode());
        u.watchlist().ifPresent(w -> out.add(new Change(Settings.WATCHLIST,
                w.stream().map(s -> s.strip()).toList())));
        integer(out, Settings.SCAN_INTERVAL_MINUTES, u.scanIntervalMinutes());
        integer(out, Settings.MAX_AI_CANDIDATES, u.maxAiCandidates());
        integer(out, Settings.PROPOSAL_TTL_MINUTES, u.proposalTtlMinutes());
        return out;
    }

    /** The configuration as the wizard shows it: every member present. */
    static SetupConfig read(Config c) {
        SetupConfig.AiProvider ai = new SetupConfig.AiProvider(Optional.of(c.text(Settings.AI_PROVIDER)),
                Optional.of("api_key"), Optional.of(c.value(Settings.AI_MODEL).orElse("")));
        SetupConfig.Broker broker = new SetupConfig.Broker(Optional.of(c.text(Settings.BROKER_KIND)),
                Optional.of(c.text(Settings.IBKR_HOST)), OptionalInt.of(c.integer(Settings.IBKR_PORT)),
                OptionalInt.of(c.integer(Settings.IBKR_CLIENT_ID)));
        SetupConfig.Risk risk = new SetupConfig.Risk(dbl(c, Settings.MAX_POSITION_SIZE_PCT),
                OptionalInt.of(c.integer(Settings.MAX_OPEN_TRADES)), dbl(c, Settings.MAX_PORTFOLIO_HEAT_PCT),
                dbl(c, Settings.MAX_DAILY_LOSS_PCT), dbl(c, Settings.MIN_REWARD_RISK), dbl(c, Settings.RISK_PER_TRADE_PCT));
        SetupConfig.Scoring scoring = new SetupConfig.Scoring(dbl(c, Settings.WEIGHT_EVIDENCE),
                dbl(c, Settings.WEIGHT_QUALITY), dbl(c, Settings.WEIGHT_CONVICTION));
        return new SetupConfig(Optional.of(ai), Optional.of(broker), Optional.of(risk), Optional.of(scoring),
                Optional.of(c.text(Settings.TRADING_MODE)), Optional.of(c.list(Settings.WATCHLIST)),
                OptionalInt.of(c.integer(Settings.SCAN_INTERVAL_MINUTES)),
                OptionalInt.of(c.integer(Settings.MAX_AI_CANDIDATES)),
                OptionalInt.of(c.integer(Settings.PROPOSAL_TTL_MINUTES)));
    }

    /** The stored value of a member's key as text, as {@link Change#text()} would write it ("" when unset). */
    static String current(Config c, String path) {
        return c.value(keyOf(path)).orElse("");
    }

    /** Every member path, to compare a running and a saved configuration. */
    static List<String> paths() {
        Map<String, Boolean> all = new LinkedHashMap<>();
        for (Change ch : changes(full())) {
            all.put(ch.path(), true);
        }
        all.remove(AUTH_TYPE);
        return List.copyOf(all.keySet());
    }

    private static SetupConfig full() {
        Optional<String> s = Optional.of("x");
        OptionalInt i = OptionalInt.of(1);
        OptionalDouble d = OptionalDouble.of(1);
        return new SetupConfig(Optional.of(new SetupConfig.AiProvider(s, s, s)),
                Optional.of(new SetupConfig.Broker(s, s, i, i)), Optional.of(new SetupConfig.Risk(d, i, d, d, d, d)),
                Optional.of(new SetupConfig.Scoring(d, d, d)), s, Optional.of(List.of("X")), i, i, i);
    }

    private static OptionalDouble dbl(Config c, String key) {
        return OptionalDouble.of(c.decimal(key));
    }

    private static void text(List<Change> out, String path, Optional<String> v) {
        v.ifPresent(x -> out.add(new Change(path, x.strip())));
    }

    private static void integer(List<Change> out, String path, OptionalInt v) {
        v.ifPresent(x -> out.add(new Change(path, x)));
    }

    private static void number(List<Change> out, String path, OptionalDouble v) {
        v.ifPresent(x -> out.add(new Change(path, x)));
    }
}
