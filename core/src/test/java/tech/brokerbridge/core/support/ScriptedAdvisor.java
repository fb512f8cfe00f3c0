package tech.brokerbridge.core.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import tech.brokerbridge.ports.advisor.Advice;
import tech.brokerbridge.ports.advisor.Advisor;
import tech.brokerbridge.ports.advisor.AdvisorException;
import tech.brokerbridge.ports.advisor.AiExchange;
import tech.brokerbridge.ports.advisor.DecisionRequest;

/**
 * A private advisor for core tests: answers from a script, one step per call, then a default
 * (approve, conviction 0.8, no adjustments, one exchange). Records every request.
 */
public final class ScriptedAdvisor implements Advisor {
    private final String provider;
    private final Deque<Function<DecisionRequest, Advice>> script = new ArrayDeque<>();
    private final List<DecisionRequest> requests = new ArrayList<>();

    public ScriptedAdvisor(String provider) {
        this.provider = provider;
    }

    public ScriptedAdvisor() {
        this("scripted");
    }

    public static AiExchange exchange(String symbol) {
        return new AiExchange(Instant.parse("2026-01-05T15:00:00Z"), "scripted", "m1", "http://127.0.0.1/v1",
                "{\"symbol\":\"" + symbol + "\"}", 200, "{\"verdict\":\"approve\"}", Duration.ofMillis(5),
                OptionalLong.of(10), OptionalLong.of(5));
    }

    public static Advice approve(double conviction, String symbol) {
        return new Advice(Advice.Verdict.APPROVE, conviction, "looks good", OptionalDouble.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), List.of(exchange(symbol)));
    }

    public synchronized ScriptedAdvisor then(Function<DecisionRequest, Advice> step) {
        script.add(step);
        return this;
    }

    public ScriptedAdvisor thenAnswer(Advice advice) {
        return then(r -> advice);
    }

    public ScriptedAdvisor thenFail(AdvisorException.Kind kind, String message) {
        return then(r -> {
            throw new AdvisorException(kind, message, List.of(exchange(r.symbol())), null);
        });
    }

    /** The next call blocks until {@code release} is counted down (or 30 s pass). */
    public ScriptedAdvisor thenBlock(CountDownLatch release) {
        return then(r -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return approve(0.8, r.symbol());
        });
    }

    public synchronized List<DecisionRequest> requests() {
        return List.copyOf(requests);
    }

    @Override
    public String provider() {
        return provider;
    }

    @Override
    public String model() {
        return "m1";
    }

    @Override
    public Advice decide(DecisionRequest request) {
        Function<DecisionRequest, Advice> step;
        synchronized (this) {
            requests.add(request);
            step = script.poll();
        }
        return step == null ? approve(0.8, request.symbol()) : step.apply(request);
    }
}
