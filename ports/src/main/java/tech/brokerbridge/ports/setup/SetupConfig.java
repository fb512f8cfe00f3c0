package tech.brokerbridge.ports.setup;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import tech.brokerbridge.ports.Require;

/**
 * The configuration a user sets through the setup wizard. As an update, an absent member keeps its
 * current value; as the current configuration, every member is present (except the broker's
 * host, port and client id in a build without the IB adapter). The JSON path of each member is its
 * snake_case name, e.g. {@code risk.max_open_trades}. No secret is ever part of it.
 *
 * @param tradingMode {@code paper} or {@code live} ({@code live} needs broker {@code ibkr} and a
 *     license that allows live trading)
 * @param watchlist ticker symbols the scan reads
 * @param scanIntervalMinutes minutes between scans while trading
 * @param maxAiCandidates best setups per scan sent to the advisor
 * @param proposalTtlMinutes a pending proposal expires after this
 */
public record SetupConfig(Optional<AiProvider> aiProvider, Optional<Broker> broker, Optional<Risk> risk,
        Optional<Scoring> scoring, Optional<String> tradingMode, Optional<List<String>> watchlist,
        OptionalInt scanIntervalMinutes, OptionalInt maxAiCandidates, OptionalInt proposalTtlMinutes) {
    public SetupConfig {
        Require.nonNull("aiProvider", aiProvider, "broker", broker, "risk", risk, "scoring", scoring,
                "tradingMode", tradingMode, "watchlist", watchlist, "scanIntervalMinutes", scanIntervalMinutes,
                "maxAiCandidates", maxAiCandidates, "proposalTtlMinutes", proposalTtlMinutes);
        watchlist = watchlist.map(List::copyOf);
    }

    /** An update that changes nothing. */
    public static SetupConfig empty() {
        return new SetupConfig(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty());
    }

    public SetupConfig withAiProvider(AiProvider v) {
        return new SetupConfig(Optional.of(v), broker, risk, scoring, tradingMode, watchlist, scanIntervalMinutes,
                maxAiCandidates, proposalTtlMinutes);
    }

    public SetupConfig withBroker(Broker v) {
        return new SetupConfig(aiProvider, Optional.of(v), risk, scoring, tradingMode, watchlist, scanIntervalMinutes,
                maxAiCandidates, proposalTtlMinutes);
    }

    public SetupConfig withRisk(Risk v) {
        return new SetupConfig(aiProvider, broker, Optional.of(v), scoring, tradingMode, watchlist, scanIntervalMinutes,
                maxAiCandidates, proposalTtlMinutes);
    }

    public SetupConfig withTradingMode(String v) {
        return new SetupConfig(aiProvider, broker, risk, scoring, Optional.of(v), watchlist, scanIntervalMinutes,
                maxAiCandidates, proposalTtlMinutes);
    }

    public SetupConfig withWatchlist(List<String> v) {
        return new SetupConfig(aiProvider, broker, risk, scoring, tradingMode, Optional.of(v), scanIntervalMinutes,
                maxAiCandidates, proposalTtlMinutes);
    }

    /**
     * {@code ai_provider}: the advisor.
     *
     * @param provider {@code offline}, {@code claude}, {@code openai}, {@code openrouter} or {@code google}
     * @param authType {@code api_key} (the only kind supported)
     * @param model the provider's model; empty text means the provider's default
     */
    public record AiProvider(Optional<String> provider, Optional<String> authType, Optional<String> model) {
        public AiProvider {
            Require.nonNull("provider", provider, "authType", authType, "model", model);
        }
    }

    /**
     * {@code broker}: where orders go.
     *
     * @param kind {@code paper} or {@code ibkr}
     * @param host IB Gateway/TWS host (loopback unless remote hosts are allowed)
     * @param port IB Gateway/TWS API port
     * @param clientId API client id
     */
    public record Broker(Optional<String> kind, Optional<String> host, OptionalInt port, OptionalInt clientId) {
        public Broker {
            Require.nonNull("kind", kind, "host", host, "port", port, "clientId", clientId);
        }
    }

    /** {@code risk}: the five gates' limits and the sizing risk, in percent where named {@code _pct}. */
    public record Risk(OptionalDouble maxPositionSizePct, OptionalInt maxOpenTrades, OptionalDouble maxPortfolioHeatPct,
            OptionalDouble maxDailyLossPct, OptionalDouble minRewardRisk, OptionalDouble riskPerTradePct) {
        public Risk {
            Require.nonNull("maxPositionSizePct", maxPositionSizePct, "maxOpenTrades", maxOpenTrades,
                    "maxPortfolioHeatPct", maxPortfolioHeatPct, "maxDailyLossPct", maxDailyLossPct,
                    "minRewardRisk", minRewardRisk, "riskPerTradePct", riskPerTradePct);
        }
    }

    /** {@code scoring}: the composite score's weights (normalized when used; not all 0). */
    public record Scoring(OptionalDouble evidenceWeight, OptionalDouble qualityWeight,
            OptionalDouble convictionWeight) {
        public Scoring {
            Require.nonNull("evidenceWeight", evidenceWeight, "qualityWeight", qualityWeight,
                    "convictionWeight", convictionWeight);
        }
    }
}
