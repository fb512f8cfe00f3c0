package tech.brokerbridge.launcher.bench;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tech.brokerbridge.ai.AdvisorConfig;
import tech.brokerbridge.ai.AdvisorFactory;
import tech.brokerbridge.core.Desk;
import tech.brokerbridge.core.DeskConfig;
import tech.brokerbridge.core.DeskFactory;
import tech.brokerbridge.core.DeskPorts;
import tech.brokerbridge.paper.PaperConfig;
import tech.brokerbridge.paper.PaperFactory;
import tech.brokerbridge.paper.PaperMarket;
import tech.brokerbridge.ports.fakes.InMemoryJournal;
import tech.brokerbridge.ports.fakes.InMemorySecretStore;
import tech.brokerbridge.ports.journal.Journal;
import tech.brokerbridge.ports.market.Bar;
import tech.brokerbridge.ports.market.BarRequest;
import tech.brokerbridge.ports.market.MarketData;
import tech.brokerbridge.signals.SignalSourceFactory;
import tech.brokerbridge.signals.SignalsConfig;
import tech.brokerbridge.sqlite.ClosableJournal;
import tech.brokerbridge.sqlite.SqliteConfig;
import tech.brokerbridge.sqlite.SqliteJournalFactory;

/**
 * The desk's scan speed goal on the real adapters (run by {@code bench/desk/run.sh}, never as a unit
 * test): scan and score 500 symbols × 252 daily bars with every plugin (bars pre-generated, so the
 * figure is the desk's scan: signals, scoring, selection, advisor, gates, journal). The approve goal
 * is {@link ApproveBenchmark}'s. Usage: {@code DeskBenchmark <result file>}.
 */
public final class DeskBenchmark {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T16:00:00Z"), ZoneOffset.UTC);

    private DeskBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        List<String> lines = new ArrayList<>();
        lines.add(scan(new InMemoryJournal(), "in-memory journal"));
        Path dir = Files.createTempDirectory("bench-desk");
        try (ClosableJournal sqlite = SqliteJournalFactory.open(SqliteConfig.defaults(dir.resolve("scan")))) {
            lines.add(scan(sqlite, "SQLite journal"));
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            lines.forEach(w::println);
        }
    }

    private static String scan(Journal journal, String label) throws Exception {
        List<String> symbols = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            symbols.add(String.format(Locale.ROOT, "S%03d", i));
        }
        try (PaperMarket paper = PaperFactory.create(PaperConfig.defaults(), CLOCK)) {
            MarketData cached = cache(paper.marketData());
            symbols.forEach(s -> cached.bars(BarRequest.dailyYear(s)));
            DeskConfig d = DeskConfig.defaults("bench");
            DeskConfig cfg = new DeskConfig(d.version(), symbols, d.scanInterval(), d.maxAiCandidates(), d.weights(),
                    d.risk(), d.proposalTtl(), d.barsForAdvisor(), d.evaluationPeriod());
            InMemorySecretStore secrets = new InMemorySecretStore();
            Desk desk = DeskFactory.create(cfg, new DeskPorts(paper.broker(), cached,
                    SignalSourceFactory.create(SignalsConfig.defaults()),
                    AdvisorFactory.create(AdvisorConfig.defaults(), secrets, CLOCK), journal, secrets, () -> "bench"),
                    CLOCK);
            desk.start();
            for (int i = 0; i < 5; i++) {
                desk.scanNow(); // JIT warm-up
            }
            long[] t = new long[7];
            int decisions = 0;
            for (int i = 0; i < t.length; i++) {
                long s = System.nanoTime();
                decisions = desk.scanNow().decisions().size();
                t[i] = System.nanoTime() - s;
            }
            desk.close();
            Arrays.sort(t);
            return String.format(Locale.ROOT, "scan+score 500 symbols x %d bars, all plugins (%s): median %.0f ms, "
                    + "min %.0f ms, max %.0f ms, %d decisions per scan (goal < 500 ms)",
                    cached.bars(BarRequest.dailyYear("S000")).size(), label, t[t.length / 2] / 1e6, t[0] / 1e6,
                    t[t.length - 1] / 1e6, decisions);
        }
    }

    private static MarketData cache(MarketData source) {
        Map<String, List<Bar>> bars = new ConcurrentHashMap<>();
        return request -> bars.computeIfAbsent(request.symbol(), s -> source.bars(request));
    }
}
