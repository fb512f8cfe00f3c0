package tech.brokerbridge.ports.desk;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import tech.brokerbridge.ports.journal.DecisionRecord;

/** The result of one scan: every decision it made, and the symbols it could not read (with why). */
public record ScanReport(String scanId, Instant startedAt, Instant finishedAt, int symbolsScanned,
        List<DecisionRecord> decisions, List<String> errors) {
    public ScanReport {
        Objects.requireNonNull(scanId, "scanId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        decisions = List.copyOf(decisions);
        errors = List.copyOf(errors);
    }
}
