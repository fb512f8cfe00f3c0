package tech.brokerbridge.core.internal.loop;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import tech.brokerbridge.core.internal.events.EventHub;
import tech.brokerbridge.ports.desk.ScanReport;
import tech.brokerbridge.ports.events.DeskEvent;

/**
 * What health says about scans (the last one, the next one, one running) and the scan and loop events
 * that change it. Thread-safe; every read is a volatile read.
 */
public final class ScanState {
    private final EventHub hub;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile Optional<Instant> lastScanAt = Optional.empty();
    private volatile Optional<Instant> nextScanAt = Optional.empty();

    public ScanState(EventHub hub, Clock clock) {
        this.hub = Objects.requireNonNull(hub, "hub");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Optional<Instant> lastScanAt() {
        return lastScanAt;
    }

    public Optional<Instant> nextScanAt() {
        return nextScanAt;
    }

    public boolean inProgress() {
        return running.get();
    }

    void started(String scanId, int symbols) {
        running.set(true);
        hub.publish((id, t) -> new DeskEvent.ScanStarted(id, t, scanId, symbols));
    }

    void progress(String scanId, String phase, int done, int total, String symbol) {
        hub.publish((id, t) -> new DeskEvent.ScanProgress(id, t, scanId, phase, done, total, symbol));
    }

    void finished(ScanReport r) {
        lastScanAt = Optional.of(r.finishedAt());
        running.set(false);
        int proposals = (int) r.decisions().stream().filter(d -> d.proposalId().isPresent()).count();
        Optional<Instant> next = nextScanAt;
        hub.publish((id, t) -> new DeskEvent.ScanFinished(id, t, r.scanId(), r.symbolsScanned(), r.decisions().size(),
                proposals, r.errors(), next));
    }

    void failed(String scanId, RuntimeException e) {
        lastScanAt = Optional.of(clock.instant());
        running.set(false);
        Optional<Instant> next = nextScanAt;
        hub.publish((id, t) -> new DeskEvent.ScanFinished(id, t, scanId, 0, 0, 0,
                List.of("the scan failed: " + e.getMessage()), next));
    }

    /** The loop was started (its first scan runs now) or stopped. */
    void loop(boolean active) {
        Optional<Instant> next = active ? Optional.of(clock.instant()) : Optional.empty();
        nextScanAt = next;
        hub.publish((id, t) -> new DeskEvent.TradingLoopChanged(id, t, active, next));
    }

    /** The loop's next scan is one interval from now (a tick is starting, or the interval changed). */
    void nextIn(Duration interval) {
        nextScanAt = Optional.of(clock.instant().plus(interval));
    }
}
