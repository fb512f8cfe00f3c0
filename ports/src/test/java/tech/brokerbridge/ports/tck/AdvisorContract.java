package tech.brokerbridge.ports.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ports.advisor.Advice;
import tech.brokerbridge.ports.advisor.Advisor;
import tech.brokerbridge.ports.advisor.AdvisorException;
import tech.brokerbridge.ports.advisor.DecisionRequest;
import tech.brokerbridge.ports.advisor.RiskMetrics;
import tech.brokerbridge.ports.advisor.SignalScores;
import tech.brokerbridge.ports.advisor.SuggestedPrices;
import tech.brokerbridge.ports.market.Bar;
import tech.brokerbridge.ports.market.Direction;
import tech.brokerbridge.ports.signals.Evidence;

/**
 * The contract every {@link Advisor} honours, real or fake: it names its provider and model, and
 * {@code decide} either returns a valid {@link Advice} or throws an {@link AdvisorException} (never
 * another exception), also when called from many threads at once.
 *
 * <p>Extend it and return a fresh advisor from {@link #newAdvisor()}; an advisor that talks to a
 * provider is pointed at a local fake of that provider.
 */
public abstract class AdvisorContract {
    /** Upper bound for one whole test; never a speed goal. */
    private static final Duration BOUND = Duration.ofSeconds(30);

    /** A fresh advisor; called once per test. */
    protected abstract Advisor newAdvisor();

    @Test
    void namesItsProviderAndModel() {
        Advisor advisor = newAdvisor();
        assertFalse(advisor.provider().isBlank(), "provider() is blank");
        assertFalse(advisor.model().isBlank(), "model() is blank");
        assertEquals(advisor.provider(), advisor.provider(), "provider() is stable");
        assertEquals(advisor.model(), advisor.model(), "model() is stable");
    }

    @Test
    void answersAStrongSetupWithValidAdviceOrAnAdvisorException() {
        Advisor advisor = newAdvisor();
        DecisionRequest request = strongLong("AAPL");
        assertValidOutcome(request, () -> advisor.decide(request));
    }

    @Test
    void answersAWeakShortSetupWithValidAdviceOrAnAdvisorException() {
        Advisor advisor = newAdvisor();
        DecisionRequest request = weakShort("TSLA");
        assertValidOutcome(request, () -> advisor.decide(request));
    }

    @Test
    void answersWhenTheRiskLimitsAreReached() {
        Advisor advisor = newAdvisor();
        DecisionRequest strong = strongLong("MSFT");
        DecisionRequest atLimit = new DecisionRequest(strong.symbol(), strong.direction(), strong.setupType(),
                strong.bars(), strong.scores(), strong.evidence(), strong.prices(),
                new RiskMetrics(5.9, 5, 5, -1.9, 80.0, 0.0));
        assertValidOutcome(atLimit, () -> advisor.decide(atLimit));
    }

    @Test
    void isSafeUnderConcurrentCalls() throws InterruptedException {
        Advisor advisor = newAdvisor();
        int threads = 4;
        int callsPerThread = 5;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Outcome>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    List<Outcome> outcomes = new ArrayList<>();
                    for (int i = 0; i < callsPerThread; i++) {
                        DecisionRequest request = (thread + i) % 2 == 0
                                ? strongLong("SYM" + thread + i) : weakShort("SYM" + thread + i);
                        outcomes.add(outcome(request, () -> advisor.decide(request)));
                    }
                    return outcomes;
                }));
            }
            int seen = 0;
            for (Future<List<Outcome>> future : futures) {
                for (Outcome o : future.get(BOUND.toSeconds(), TimeUnit.SECONDS)) {
                    o.assertValid();
                    seen++;
                }
            }
            assertEquals(threads * callsPerThread, seen);
        } catch (ExecutionException | TimeoutException e) {
            fail("concurrent decide calls did not all complete: " + e, e);
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(BOUND.toSeconds(), TimeUnit.SECONDS));
        }
    }

    // ---------------------------------------------------------------- checks anyone may reuse

    /** Runs the call and asserts it gave valid advice for the request or an AdvisorException. */
    public static void assertValidOutcome(DecisionRequest request, Callable<Advice> call) {
        outcome(request, call).assertValid();
    }

    /**
     * Asserts that advice honours the decision contract: thesis plain and at most 600 characters,
     * adjusted prices positive, stop and target on the right sides of the entry and within 20 % of
     * the setup's prices.
     */
    public static void assertValidAdvice(DecisionRequest request, Advice advice) {
        assertNotNull(advice, "advice");
        assertTrue(advice.conviction() >= 0 && advice.conviction() <= 1, "conviction in [0,1]");
        assertFalse(advice.thesisSummary().isBlank(), "thesis_summary is blank");
        assertTrue(advice.thesisSummary().length() <= Advice.MAX_THESIS_CHARS, "thesis_summary too long");
        assertTrue(advice.thesisSummary().chars().noneMatch(c -> c < 0x20 && c != '\n'),
                "thesis_summary holds control characters");
        SuggestedPrices p = request.prices();
        double entry = checkedPrice("entry_price", advice.entryPrice(), p.entry());
        double stop = checkedPrice("stop_price", advice.stopPrice(), p.stop());
        double target = checkedPrice("target_price", advice.targetPrice(), p.target());
        int sign = request.direction().sign();
        assertTrue(sign * (entry - stop) > 0, "stop on the wrong side of entry: " + stop + " vs " + entry);
        assertTrue(sign * (target - entry) > 0, "target on the wrong side of entry: " + target + " vs " + entry);
        assertNotNull(advice.exchanges(), "exchanges");
    }

    private static double checkedPrice(String name, OptionalDouble adjusted, double setup) {
        if (adjusted.isEmpty()) {
            return setup;
        }
        double v = adjusted.getAsDouble();
        assertTrue(Double.isFinite(v) && v > 0, name + " must be a positive number: " + v);
        assertTrue(Math.abs(v - setup) <= 0.2 * setup + 1e-9, name + " more than 20% away from " + setup + ": " + v);
        return v;
    }

    private static Outcome outcome(DecisionRequest request, Callable<Advice> call) {
        try {
            return new Outcome(request, call.call(), null);
        } catch (AdvisorException e) {
            return new Outcome(request, null, e);
        } catch (Exception e) {
            return fail("decide threw " + e.getClass().getName() + " instead of AdvisorException", e);
        }
    }

    private record Outcome(DecisionRequest request, Advice advice, AdvisorException failure) {
        void assertValid() {
            if (failure != null) {
                assertNotNull(failure.kind(), "AdvisorException.kind()");
                assertNotNull(failure.getMessage(), "AdvisorException message");
                assertNotNull(failure.exchanges(), "AdvisorException.exchanges()");
                return;
            }
            assertValidAdvice(request, advice);
        }
    }

    // ---------------------------------------------------------------- sample requests

    /** A clean long breakout with strong scores and plenty of risk room. */
    public static DecisionRequest strongLong(String symbol) {
        return new DecisionRequest(symbol, Direction.LONG, "breakout", bars(100.0, 30),
                new SignalScores(0.78, 0.72, 0.75),
                List.of(new Evidence("close_above_high_20", 1.0, "close above the 20-day high"),
                        new Evidence("rsi_14", 63.5, "momentum rising, not overbought"),
                        new Evidence("volume_ratio_20", 1.8, "volume 1.8x its 20-day average")),
                new SuggestedPrices(103.0, 99.0, 111.0),
                new RiskMetrics(1.2, 1, 5, 0.3, 18.0, 0.0));
    }

    /** A weak short with poor quality: a sensible advisor rejects it. */
    public static DecisionRequest weakShort(String symbol) {
        return new DecisionRequest(symbol, Direction.SHORT, "breakdown", bars(50.0, 30),
                new SignalScores(0.35, 0.30, 0.33),
                List.of(new Evidence("close_below_low_20", 1.0, "close below the 20-day low")),
                new SuggestedPrices(48.0, 50.5, 43.0),
                new RiskMetrics(2.0, 2, 5, -0.4, 25.0, 5.0));
    }

    /** Daily bars around a price, oldest first, deterministic. */
    public static List<Bar> bars(double around, int count) {
        List<Bar> bars = new ArrayList<>(count);
        Instant start = Instant.parse("2026-01-02T00:00:00Z");
        for (int i = 0; i < count; i++) {
            double close = around * (1 + 0.002 * ((i % 7) - 3));
            bars.add(new Bar(start.plus(Duration.ofDays(i)), close * 0.995, close * 1.01, close * 0.99, close,
                    1_000_000L + 1000L * i));
        }
        return bars;
    }
}
