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
import tech.brokerbridge.ports.market.Instrument;
import tech.brokerbridge.ports.market.MarketData;
import tech.brokerbridge.ports.market.PriceSource;
import tech.brokerbridge.ports.market.Quote;
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
            MarketData cached = new BenchPrices(paper.marketData(), PaperFactory.simulatedSymbols());
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

    /**
     * 500 symbols' prices from the simulated market, which lists about 100: symbol S{@code n} has the
     * prices of the n-th listed one (modulo). Bars are cached, so a scan measures the desk, not the source.
     */
    private static final class BenchPrices implements MarketData {
        private final MarketData source;
        private final List<String> listed;
        private final Map<String, List<Bar>> bars = new ConcurrentHashMap<>();

        BenchPrices(MarketData source, List<String> listed) {
            this.source = source;
            this.listed = listed;
        }

        private String real(String symbol) {
            return listed.get(Integer.parseInt(symbol.substring(1)) % listed.size());
        }

        @Override
        public List<Bar> bars(BarRequest request) {
            return bars.computeIfAbsent(request.symbol(), s -> source.bars(new BarRequest(real(s), request.lookback(),
                    request.barSize())));
        }

        @Override
        public Quote quote(String symbol) {
            Quote q = source.quote(real(symbol));
            return new Quote(symbol, q.price(), q.freshness(), q.asOf());
        }

        @Override
        public Instrument instrument(String symbol) {
            Instrument i = source.instrument(real(symbol));
            return new Instrument(symbol, i.tick(), i.session());
        }

        @Override
        public PriceSource source() {
            return source.source();
        }
    }
}
