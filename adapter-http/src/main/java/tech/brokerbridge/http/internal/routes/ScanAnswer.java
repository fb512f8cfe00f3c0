package tech.brokerbridge.http.internal.routes;

import java.time.Instant;
import java.util.List;
import tech.brokerbridge.ports.desk.ScanReport;

/** {@code POST /api/scan}: every decision of the scan, the symbols it could not read, and the price source. */
record ScanAnswer(String scanId, Instant startedAt, Instant finishedAt, int symbolsScanned,
        List<DecisionAnswer> decisions, List<String> errors, SourceAnswer marketData) {

    static ScanAnswer of(ScanReport r) {
        return new ScanAnswer(r.scanId(), r.startedAt(), r.finishedAt(), r.symbolsScanned(),
                DecisionAnswer.of(r.decisions()), r.errors(), SourceAnswer.of(r.marketData()));
    }
}
