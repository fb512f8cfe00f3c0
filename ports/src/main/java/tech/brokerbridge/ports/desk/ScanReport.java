package tech.brokerbridge.ports.desk;

import java.time.Instant;
import java.util.List;
import tech.brokerbridge.ports.Require;
import tech.brokerbridge.ports.journal.DecisionRecord;
import tech.brokerbridge.ports.market.PriceSource;

/**
 * The result of one scan: every decision it made, the symbols it could not read (with why), and the
 * source of the prices it read.
 */
public record ScanReport(String scanId, Instant startedAt, Instant finishedAt, int symbolsScanned,
        List<DecisionRecord> decisions, List<String> errors, PriceSource marketData) {
    public ScanReport {
        Require.nonNull("scanId", scanId, "startedAt", startedAt, "finishedAt", finishedAt, "marketData", marketData);
        decisions = List.copyOf(decisions);
        errors = List.copyOf(errors);
    }
}
