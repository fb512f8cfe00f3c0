package tech.brokerbridge.http.internal.routes;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import tech.brokerbridge.ports.setup.FieldError;
import tech.brokerbridge.ports.setup.SetupConfig;

/**
 * The setup configuration as {@code GET /api/setup/config} shows it: the present members only, with
 * the names and nesting {@code POST /api/setup/config} reads. Values are shown as they were set.
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
record SetupConfigAnswer(Optional<Ai> aiProvider, Optional<Broker> broker, Optional<Risk> risk,
        Optional<Scoring> scoring, Optional<String> tradingMode, Optional<List<String>> watchlist,
        Optional<Integer> scanIntervalMinutes, Optional<Integer> maxAiCandidates,
        Optional<Integer> proposalTtlMinutes) {

    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record Ai(Optional<String> provider, Optional<String> authType, Optional<String> model) {
    }

    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record Broker(Optional<String> kind, Optional<String> host, Optional<Integer> port, Optional<Integer> clientId) {
    }

    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record Risk(Optional<Double> maxPositionSizePct, Optional<Integer> maxOpenTrades,
            Optional<Double> maxPortfolioHeatPct, Optional<Double> maxDailyLossPct, Optional<Double> minRewardRisk,
            Optional<Double> riskPerTradePct) {
    }

    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record Scoring(Optional<Double> evidenceWeight, Optional<Double> qualityWeight,
            Optional<Double> convictionWeight) {
    }

    /** One invalid member of an update: {@code {"field","message"}}. */
    record FieldErrorAnswer(String field, String message) {
        static List<FieldErrorAnswer> of(List<FieldError> errors) {
            return errors.stream().map(e -> new FieldErrorAnswer(e.field(), e.message())).toList();
        }
    }

    static SetupConfigAnswer of(SetupConfig c) {
        return new SetupConfigAnswer(
                c.aiProvider().map(a -> new Ai(a.provider(), a.authType(), a.model())),
                c.broker().map(b -> new Broker(b.kind(), b.host(), opt(b.port()), opt(b.clientId()))),
                c.risk().map(r -> new Risk(opt(r.maxPositionSizePct()), opt(r.maxOpenTrades()),
                        opt(r.maxPortfolioHeatPct()), opt(r.maxDailyLossPct()), opt(r.minRewardRisk()),
                        opt(r.riskPerTradePct()))),
                c.scoring().map(s -> new Scoring(opt(s.evidenceWeight()), opt(s.qualityWeight()),
                        opt(s.convictionWeight()))),
                c.tradingMode(), c.watchlist(), opt(c.scanIntervalMinutes()), opt(c.maxAiCandidates()),
                opt(c.proposalTtlMinutes()));
    }

    // Optional<Integer>/<Double>, not OptionalInt/OptionalDouble: only Optional is left out when empty
    private static Optional<Integer> opt(OptionalInt v) {
        return v.isPresent() ? Optional.of(v.getAsInt()) : Optional.empty();
    }

    private static Optional<Double> opt(OptionalDouble v) {
        return v.isPresent() ? Optional.of(v.getAsDouble()) : Optional.empty();
    }
}
