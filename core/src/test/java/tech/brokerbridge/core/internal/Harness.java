package tech.brokerbridge.core.internal;

import tech.brokerbridge.core.DeskConfig;
import tech.brokerbridge.core.DeskFactory;
import tech.brokerbridge.core.DeskPorts;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import tech.brokerbridge.core.support.MutableClock;
import tech.brokerbridge.ports.desk.ScanReport;
import tech.brokerbridge.ports.fakes.FakeAdvisor;
import tech.brokerbridge.ports.fakes.FakeBroker;
import tech.brokerbridge.ports.fakes.FakeMarketData;
import tech.brokerbridge.ports.fakes.FakeSignalSource;
import tech.brokerbridge.ports.fakes.InMemoryJournal;
import tech.brokerbridge.ports.fakes.InMemorySecretStore;
import tech.brokerbridge.ports.journal.Proposal;
import tech.brokerbridge.ports.market.Direction;
import tech.brokerbridge.ports.market.Quote;
import tech.brokerbridge.ports.signals.Evidence;
import tech.brokerbridge.ports.signals.Setup;

/** A desk on fakes, for desk-level tests. The journal and broker outlive {@link #restart()}. */
final class Harness implements AutoCloseable {
    static final Instant T0 = Instant.parse("2026-01-05T15:00:00Z");
    static final List<String> WATCHLIST = List.of("AAPL", "MSFT", "NVDA", "AMZN");

    final MutableClock clock = new MutableClock(T0);
    final FakeBroker broker = new FakeBroker(clock);
    final FakeMarketData market = new FakeMarketData();
    final FakeSignalSource signals = new FakeSignalSource();
    final InMemoryJournal journal = new InMemoryJournal();
    /** The journal the desk is given: {@link #journal}, or a test's wrapper of it. */
    tech.brokerbridge.ports.journal.Journal journalPort = journal;
    final InMemorySecretStore secrets = new InMemorySecretStore();
    /** Plays an online advisor: its answers carry an exchange, which the desk audits. */
    FakeAdvisor advisor = new FakeAdvisor().withExchanges();
    DeskConfig config;
    DeskTuning tuning = new DeskTuning(Duration.ofSeconds(5), Duration.ofHours(1));
    DefaultDesk desk;

    Harness() {
        this(c -> c);
    }

    Harness(UnaryOperator<DeskConfig> customize) {
        DeskConfig d = DeskConfig.defaults("1.2.3-test");
        config = customize.apply(new DeskConfig(d.version(), WATCHLIST, d.scanInterval(), d.maxAiCandidates(),
                d.weights(), d.risk(), d.proposalTtl(), d.barsForAdvisor(), d.evaluationPeriod()));
        for (String s : config.watchlist()) {
            market.putSeries(s, 252, 100, T0);
            market.quote(s, 100.0, Quote.Freshness.REALTIME); // the level the tests' setups are priced at
        }
    }

    static DeskConfig withRisk(DeskConfig c, DeskConfig.RiskLimits r) {
        return new DeskConfig(c.version(), c.watchlist(), c.scanInterval(), c.maxAiCandidates(), c.weights(), r,
                c.proposalTtl(), c.barsForAdvisor(), c.evaluationPeriod());
    }

    Harness start() {
        desk = new DefaultDesk(config, ports(), clock, tuning);
        desk.start();
        return this;
    }

    DeskPorts ports() {
        return new DeskPorts(broker, market, signals, advisor, journalPort, secrets, () -> "inst-test-1");
    }

    /** Closes the desk and starts a new one on the same journal and broker, like a process restart. */
    Harness restart() {
        desk.close();
        return start();
    }

    static Setup setup(String symbol, String type, Direction dir, double e, double q, double entry, double stop,
            double target) {
        return new Setup(symbol, type, dir, List.of(new Evidence("rsi_14", 55.0, "momentum")), e, q, entry, stop,
                target);
    }

    /** AAPL-style long: entry 100, stop 98, target 104 (reward:risk 2). */
    static Setup longSetup(String symbol) {
        return setup(symbol, "breakout", Direction.LONG, 0.8, 0.7, 100, 98, 104);
    }

    /** Scripts one long setup on {@code symbol}, scans, and returns the proposal made. */
    Proposal propose(String symbol) {
        return propose(longSetup(symbol));
    }

    /** MSFT-style short: entry 100, stop 102, target 96 (reward:risk 2). */
    static Setup shortSetup(String symbol) {
        return setup(symbol, "breakdown", Direction.SHORT, 0.8, 0.7, 100, 102, 96);
    }

    /** Scripts {@code setup}, scans, and returns the proposal made of it. */
    Proposal propose(Setup setup) {
        String symbol = setup.symbol();
        signals.script(symbol, setup);
        ScanReport r = desk.scanNow();
        signals.script(symbol);
        return r.decisions().stream().filter(d -> d.symbol().equals(symbol) && d.proposalId().isPresent())
                .findFirst().flatMap(d -> desk.proposal(d.proposalId().get()))
                .orElseThrow(() -> new AssertionError("no proposal for " + symbol + ": " + r.decisions()));
    }

    Proposal reload(Proposal p) {
        return journal.findProposal(p.proposalId()).orElseThrow();
    }

    /** The broker fills {@code p}'s entry at 100; answers {@code p} as the journal has it once the desk applied that. */
    Proposal entryFilled(Proposal p) {
        broker.fillEntry(p.proposalId(), 100);
        awaitEvents();
        return reload(p);
    }

    /** Waits until the broker has delivered its events so far and the desk has applied them. */
    void awaitEvents() {
        try {
            broker.awaitDelivered();
            desk.awaitEvents();
        } catch (Exception e) {
            fail("events not applied: " + e);
        }
    }

    static void await(BooleanSupplier condition, String what) {
        long deadlineMillis = 5_000;
        for (long waited = 0; waited < deadlineMillis; waited += 10) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
        assertTrue(condition.getAsBoolean(), "timed out waiting for: " + what);
    }

    static void assertStatus(String expected, Proposal p) {
        assertEquals(expected, p.status().wire(), () -> "history: " + p.history());
    }

    @Override
    public void close() {
        if (desk != null) {
            desk.close();
        }
    }
}
