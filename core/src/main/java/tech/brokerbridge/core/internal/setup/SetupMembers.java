package tech.brokerbridge.core.internal.setup;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import tech.brokerbridge.core.DeskConfig;
import tech.brokerbridge.core.DeskConfig.RiskLimits;
import tech.brokerbridge.core.DeskConfig.ScoreWeights;
import tech.brokerbridge.ports.config.Setting;
import tech.brokerbridge.ports.config.SettingsView;
import tech.brokerbridge.ports.setup.SetupConfig;

/**
 * The setup wizard's members and the settings they are. Every member's JSON path is its setting's
 * key, except {@code broker.host}, {@code broker.port} and {@code broker.client_id}, which are the
 * IB adapter's {@code ibkr.host}, {@code ibkr.port} and {@code ibkr.client_id}, and
 * {@code ai_provider.auth_type}, which is not stored (only {@code api_key} exists). The desk's own
 * settings are named by their declarations; the adapters' settings, which core cannot see, by key.
 */
final class SetupMembers {
    static final String AUTH_TYPE = "ai_provider.auth_type";
    static final String AI_PROVIDER = "ai_provider.provider";
    static final String AI_MODEL = "ai_provider.model";
    static final String BROKER_KIND = "broker.kind";
    /** JSON path → setting key, where they differ. */
    private static final Map<String, String> KEYS = Map.of("broker.host", "ibkr.host", "broker.port", "ibkr.port",
            "broker.client_id", "ibkr.client_id");
    /** Members that change only when the desk restarts: they choose adapters. */
    static final Set<String> RESTART = Set.of(AI_PROVIDER, AI_MODEL, BROKER_KIND, "broker.host", "broker.port",
            "broker.client_id", DeskConfig.TRADING_MODE.key());

    /**
     * One member of an update.
     *
     * @param path its JSON path
     * @param value its value as a configuration file holds it: String, Integer, Double or List of String
     */
    record Change(String path, Object value) {
        /** The setting it is stored as ({@link #path} for most). */
        String key() {
            return keyOf(path);
        }
    }

    private SetupMembers() {
    }

    static String keyOf(String path) {
        return KEYS.getOrDefault(path, path);
    }

    /** The JSON path of a setting key. */
    static String pathOf(String key) {
        return KEYS.entrySet().stream().filter(e -> e.getValue().equals(key)).map(Map.Entry::getKey).findFirst()
                .orElse(key);
    }

    /** The members an update sets, in a stable order. {@code ai_provider.auth_type} is included (checked, not stored). */
    static List<Change> changes(SetupConfig u) {
        List<Change> out = new ArrayList<>();
        u.aiProvider().ifPresent(a -> {
            text(out, AI_PROVIDER, a.provider());
            text(out, AUTH_TYPE, a.authType());
            text(out, AI_MODEL, a.model());
        });
        u.broker().ifPresent(b -> {
            text(out, BROKER_KIND, b.kind());
            text(out, "broker.host", b.host());
            integer(out, "broker.port", b.port());
            integer(out, "broker.client_id", b.clientId());
        });
        u.risk().ifPresent(r -> {
            number(out, RiskLimits.MAX_POSITION_SIZE_PCT, r.maxPositionSizePct());
            integer(out, RiskLimits.MAX_OPEN_TRADES.key(), r.maxOpenTrades());
            number(out, RiskLimits.MAX_PORTFOLIO_HEAT_PCT, r.maxPortfolioHeatPct());
            number(out, RiskLimits.MAX_DAILY_LOSS_PCT, r.maxDailyLossPct());
            number(out, RiskLimits.MIN_REWARD_RISK, r.minRewardRisk());
            number(out, RiskLimits.RISK_PER_TRADE_PCT, r.riskPerTradePct());
        });
        u.scoring().ifPresent(s -> {
            number(out, ScoreWeights.EVIDENCE, s.evidenceWeight());
            number(out, ScoreWeights.QUALITY, s.qualityWeight());
            number(out, ScoreWeights.CONVICTION, s.convictionWeight());
        });
        text(out, DeskConfig.TRADING_MODE.key(), u.tradingMode());
        u.watchlist().ifPresent(w -> out.add(new Change(DeskConfig.WATCHLIST.key(),
                w.stream().map(String::strip).toList())));
        integer(out, DeskConfig.SCAN_INTERVAL_MINUTES.key(), u.scanIntervalMinutes());
        integer(out, DeskConfig.MAX_AI_CANDIDATES.key(), u.maxAiCandidates());
        integer(out, DeskConfig.PROPOSAL_TTL_MINUTES.key(), u.proposalTtlMinutes());
        return out;
    }

    /** The configuration as the wizard shows it: every member present. */
    static SetupConfig read(SettingsView c) {
        SetupConfig.AiProvider ai = new SetupConfig.AiProvider(Optional.of(text(c, AI_PROVIDER)),
                Optional.of("api_key"), Optional.of(text(c, AI_MODEL)));
        SetupConfig.Broker broker = new SetupConfig.Broker(Optional.of(text(c, BROKER_KIND)),
                Optional.of(text(c, keyOf("broker.host"))), OptionalInt.of(integer(c, keyOf("broker.port"))),
                OptionalInt.of(integer(c, keyOf("broker.client_id"))));
        RiskLimits r = RiskLimits.from(c);
        SetupConfig.Risk risk = new SetupConfig.Risk(OptionalDouble.of(r.maxPositionSizePct()),
                OptionalInt.of(r.maxOpenTrades()), OptionalDouble.of(r.maxPortfolioHeatPct()),
                OptionalDouble.of(r.maxDailyLossPct()), OptionalDouble.of(r.minRewardRisk()),
                OptionalDouble.of(r.riskPerTradePct()));
        ScoreWeights w = ScoreWeights.from(c);
        SetupConfig.Scoring scoring = new SetupConfig.Scoring(OptionalDouble.of(w.evidence()),
                OptionalDouble.of(w.quality()), OptionalDouble.of(w.conviction()));
        return new SetupConfig(Optional.of(ai), Optional.of(broker), Optional.of(risk), Optional.of(scoring),
                Optional.of(c.get(DeskConfig.TRADING_MODE)), Optional.of(c.get(DeskConfig.WATCHLIST)),
                OptionalInt.of(c.get(DeskConfig.SCAN_INTERVAL_MINUTES)),
                OptionalInt.of(c.get(DeskConfig.MAX_AI_CANDIDATES)),
                OptionalInt.of(c.get(DeskConfig.PROPOSAL_TTL_MINUTES)));
    }

    /** The stored value of a member (empty when unset). */
    static Optional<Object> current(SettingsView c, String path) {
        return c.find(keyOf(path));
    }

    /** Every member path, to compare a running and a saved configuration. */
    static List<String> paths() {
        Set<String> all = new LinkedHashSet<>();
        for (Change ch : changes(full())) {
            all.add(ch.path());
        }
        all.remove(AUTH_TYPE);
        return List.copyOf(all);
    }

    /** A setting of a module core cannot see, as text ("" when unset). */
    static String text(SettingsView c, String key) {
        return c.find(key).map(Object::toString).orElse("");
    }

    private static int integer(SettingsView c, String key) {
        return ((Number) c.find(key).orElseThrow(() -> new IllegalStateException("no value for " + key))).intValue();
    }

    private static SetupConfig full() {
        Optional<String> s = Optional.of("x");
        OptionalInt i = OptionalInt.of(1);
        OptionalDouble d = OptionalDouble.of(1);
        return new SetupConfig(Optional.of(new SetupConfig.AiProvider(s, s, s)),
                Optional.of(new SetupConfig.Broker(s, s, i, i)), Optional.of(new SetupConfig.Risk(d, i, d, d, d, d)),
                Optional.of(new SetupConfig.Scoring(d, d, d)), s, Optional.of(List.of("X")), i, i, i);
    }

    private static void text(List<Change> out, String path, Optional<String> v) {
        v.ifPresent(x -> out.add(new Change(path, x.strip())));
    }

    private static void integer(List<Change> out, String path, OptionalInt v) {
        v.ifPresent(x -> out.add(new Change(path, x)));
    }

    private static void number(List<Change> out, Setting<Double> setting, OptionalDouble v) {
        v.ifPresent(x -> out.add(new Change(setting.key(), x)));
    }
}
