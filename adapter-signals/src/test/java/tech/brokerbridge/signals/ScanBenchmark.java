package tech.brokerbridge.signals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.ports.market.Bar;
import tech.brokerbridge.ports.signals.SignalSource;

/**
 * The scan benchmark (run by {@code bench/scan/run.sh}, not by the test suite): scans a synthetic
 * watchlist with every plugin, first to warm the JIT up, then timed, and reports the median.
 *
 * <p>Arguments: symbols (500), bars per symbol (252), warm-up scans (30), timed scans (15).
 */
public final class ScanBenchmark {
    private static final Logger LOG = LoggerFactory.getLogger(ScanBenchmark.class);

    private ScanBenchmark() {
    }

    public static void main(String[] args) {
        int symbols = arg(args, 0, 500);
        int bars = arg(args, 1, 252);
        int warmups = arg(args, 2, 30);
        int runs = arg(args, 3, 15);
        Map<String, List<Bar>> watchlist = SyntheticBars.watchlist(symbols, bars, 2026);
        SignalSource source = SignalSourceFactory.create(SignalsConfig.defaults());

        long setups = 0;
        for (int i = 0; i < warmups; i++) {
            setups = scanAll(source, watchlist);
        }
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            long found = scanAll(source, watchlist);
            nanos[i] = System.nanoTime() - start;
            if (found != setups) {
                throw new IllegalStateException("scans disagree: " + found + " vs " + setups);
            }
        }
        Arrays.sort(nanos);
        LOG.info("scan benchmark: {} symbols x {} daily bars, plugins {}, {} warm-up + {} timed scans",
                symbols, bars, SignalsConfig.ALL_PLUGINS.stream().sorted().toList(), warmups, runs);
        LOG.info("setups found per scan: {}", setups);
        LOG.info(String.format(java.util.Locale.ROOT, "median %.1f ms  (min %.1f ms, max %.1f ms); goal < 500 ms",
                nanos[runs / 2] / 1e6, nanos[0] / 1e6, nanos[runs - 1] / 1e6));
    }

    private static long scanAll(SignalSource source, Map<String, List<Bar>> watchlist) {
        long found = 0;
        for (Map.Entry<String, List<Bar>> e : watchlist.entrySet()) {
            found += source.scan(e.getKey(), e.getValue()).size();
        }
        return found;
    }

    private static int arg(String[] args, int i, int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
    }
}
