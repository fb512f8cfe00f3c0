package tech.brokerbridge.http.internal.routes;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import tech.brokerbridge.http.internal.web.Rounded;
import tech.brokerbridge.ports.journal.PriceBasis;
import tech.brokerbridge.ports.journal.Proposal;
import tech.brokerbridge.ports.journal.ProposalStatus;
import tech.brokerbridge.ports.journal.StatusChange;
import tech.brokerbridge.ports.market.Quote;

/**
 * A proposal with its gates, status history and price basis ({@code market_data}: the source, whether
 * it was simulated, and the last price with its freshness; {@code delayed} when it was delayed data).
 */
record ProposalAnswer(String proposalId, String symbol, String direction, String setupType, String status,
        @Rounded.Score double conviction, @Rounded.Score double compositeScore, @Rounded.Price double entryPrice,
        @Rounded.Price double stopPrice, @Rounded.Price double targetPrice, long quantity, String thesisSummary,
        List<GateAnswer> gates, Instant createdAt, Instant expiresAt, List<Change> history, Pricing marketData) {

    /** The prices it was made on. */
    record Pricing(String source, boolean simulated, boolean delayed, Optional<String> freshness,
            @Rounded.Price OptionalDouble lastPrice) {
        static Pricing of(PriceBasis b) {
            return new Pricing(b.source(), b.simulated(), b.delayed(), b.freshness().map(Quote.Freshness::wire),
                    b.lastPrice());
        }
    }

    /** One status change; {@code from} is null for the creation. */
    record Change(Instant time, Optional<String> from, String to, String reason) {
        static Change of(StatusChange c) {
            return new Change(c.time(), c.from().map(ProposalStatus::wire), c.to().wire(), c.reason());
        }
    }

    static ProposalAnswer of(Proposal p) {
        return new ProposalAnswer(p.proposalId(), p.symbol(), p.direction().wire(), p.setupType(), p.status().wire(),
                p.conviction(), p.compositeScore(), p.entryPrice(), p.stopPrice(), p.targetPrice(), p.quantity(),
                p.thesisSummary(), GateAnswer.of(p.gates()), p.createdAt(), p.expiresAt(),
                p.history().stream().map(Change::of).toList(), Pricing.of(p.pricing()));
    }
}
