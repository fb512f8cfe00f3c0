package tech.brokerbridge.core.internal.proposals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tech.brokerbridge.ports.journal.Proposal;
import tech.brokerbridge.ports.market.Bar;
import tech.brokerbridge.ports.market.BarRequest;
import tech.brokerbridge.ports.market.MarketData;

/**
 * The bars a scan used for each proposal it made, for the proposal's chart: kept in memory for the last
 * {@value #KEPT} proposals (the last {@value #BARS} bars each). For an older proposal, or after a
 * restart, the symbol's bars are read again and cut at the proposal's time, which gives the same bars
 * when the source is deterministic (the paper prices) and the source's bars of that day otherwise.
 * Thread-safe.
 */
public final class ScanBars {
    static final int KEPT = 500;
    public static final int BARS = 120;

    private final MarketData marketData;
    private final Map<String, List<Bar>> kept = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<Bar>> eldest) {
            return size() > KEPT;
        }
    };

    public ScanBars(MarketData marketData) {
        this.marketData = Objects.requireNonNull(marketData, "marketData");
    }

    /** Keeps the last bars the scan read for this proposal. */
    public synchronized void keep(String proposalId, List<Bar> bars) {
        kept.put(proposalId, List.copyOf(bars.subList(Math.max(0, bars.size() - BARS), bars.size())));
    }

    /**
     * The proposal's bars, oldest first; may block on the market data (bounded by its timeout).
     *
     * @throws tech.brokerbridge.ports.market.MarketDataException when they must be read again and cannot be
     */
    public List<Bar> of(Proposal p) {
        Optional<List<Bar>> mine;
        synchronized (this) {
            mine = Optional.ofNullable(kept.get(p.proposalId()));
        }
        if (mine.isPresent()) {
            return mine.get();
        }
        List<Bar> all = marketData.bars(BarRequest.dailyYear(p.symbol())).stream()
                .filter(b -> !b.time().isAfter(p.createdAt())).toList();
        return List.copyOf(all.subList(Math.max(0, all.size() - BARS), all.size()));
    }
}
