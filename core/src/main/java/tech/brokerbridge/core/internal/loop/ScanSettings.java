package tech.brokerbridge.core.internal.loop;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** What a scan needs from the configuration. */
public record ScanSettings(List<String> watchlist, int maxAiCandidates, int barsForAdvisor, Duration proposalTtl) {
    public ScanSettings {
        watchlist = List.copyOf(watchlist);
        Objects.requireNonNull(proposalTtl, "proposalTtl");
    }
}
