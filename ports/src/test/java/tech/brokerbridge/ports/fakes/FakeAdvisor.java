package tech.brokerbridge.ports.fakes;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import tech.brokerbridge.ports.advisor.Advice;
import tech.brokerbridge.ports.advisor.Advisor;
import tech.brokerbridge.ports.advisor.AdvisorException;
import tech.brokerbridge.ports.advisor.AiExchange;
import tech.brokerbridge.ports.advisor.DecisionRequest;

/**
 * A scriptable in-memory {@link Advisor}. Each call takes the next scripted step (an {@link Advice}
 * to return, an {@link AdvisorException} to throw, or any {@link #then step}); when the script is
 * empty it answers with the default answer (approve, conviction 0.7, no price changes). It records
 * every request.
 *
 * <p>By default it makes no exchanges, like the offline advisor. After {@link #withExchanges()} it
 * plays an online one: what it makes up itself (the default answer and {@link #thenFail(AdvisorException.Kind,
 * String)}) carries one {@link #exchangeFor exchange} per call, for the core to audit.
 *
 * <p>Thread-safe.
 */
public final class FakeAdvisor implements Advisor {
    /** The time of the exchanges the fake makes up (it has no clock). */
    public static final Instant EXCHANGE_TIME = Instant.parse("2026-01-05T15:00:00Z");
    /** The longest a {@link #thenHold held} call waits. */
    private static final Duration MAX_HOLD = Duration.ofSeconds(30);

    private final String provider;
    private final String model;
    private final ConcurrentLinkedQueue<Function<DecisionRequest, Advice>> script = new ConcurrentLinkedQueue<>();
    private final List<DecisionRequest> requests = new ArrayList<>();
    private volatile Function<DecisionRequest, Advice> fallback = FakeAdvisor::approve;
    private volatile boolean exchanges;

    public FakeAdvisor() {
        this("fake", "fake-v1");
    }

    public FakeAdvisor(String provider, String model) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.model = Objects.requireNonNull(model, "model");
    }

    /**
     * Runs {@code step} for the next call: it may compute the answer from the request, wait, or throw.
     * A step that throws anything but an {@link AdvisorException} breaks the advisor contract on
     * purpose, to test a caller's defences.
     */
    public FakeAdvisor then(Function<DecisionRequest, Advice> step) {
        script.add(Objects.requireNonNull(step, "step"));
        return this;
    }

    /** Answers the next call with this advice. */
    public FakeAdvisor thenAnswer(Advice advice) {
        Objects.requireNonNull(advice, "advice");
        return then(r -> advice);
    }

    /** Fails the next call with this exception. */
    public FakeAdvisor thenFail(AdvisorException failure) {
        Objects.requireNonNull(failure, "failure");
        return then(r -> {
            throw failure;
        });
    }

    /** Fails the next call with an exception of that kind (and an exchange after {@link #withExchanges()}). */
    public FakeAdvisor thenFail(AdvisorException.Kind kind) {
        return thenFail(kind, "scripted " + kind.code());
    }

    /**
     * Fails the next call with an exception of that kind and message; after {@link #withExchanges()}
     * it carries one exchange for the request, shaped like the provider's failure (status 0 and no
     * body when unreachable or timed out, 401, 429, or an unreadable 200).
     */
    public FakeAdvisor thenFail(AdvisorException.Kind kind, String message) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        return then(r -> {
            throw new AdvisorException(kind, message, exchanges ? List.of(failedExchange(r, kind)) : List.of(), null);
        });
    }

    /**
     * Holds the next call until {@code release} is counted down (at most 30 s), then answers it with
     * the default answer: to see what happens while a call is in flight, or to make it late.
     */
    public FakeAdvisor thenHold(CountDownLatch release) {
        Objects.requireNonNull(release, "release");
        return then(r -> {
            try {
                release.await(MAX_HOLD.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return answerByDefault(r);
        });
    }

    /** What to answer once the script is used up (by default {@link #approve}). */
    public FakeAdvisor otherwise(Function<DecisionRequest, Advice> answer) {
        this.fallback = Objects.requireNonNull(answer, "answer");
        return this;
    }

    /**
     * Plays an online advisor from now on: a default answer that carries no exchange gets one
     * {@link #exchangeFor exchange for its request}, and {@link #thenFail(AdvisorException.Kind, String)}
     * failures carry one. Advice and exceptions scripted by the caller are returned as given.
     */
    public FakeAdvisor withExchanges() {
        this.exchanges = true;
        return this;
    }

    /** The exchange this advisor has with its provider for a request it approves (time {@link #EXCHANGE_TIME}). */
    public AiExchange exchangeFor(DecisionRequest request) {
        return exchange(request, 200, "{\"verdict\":\"approve\"}", OptionalLong.of(10), OptionalLong.of(5));
    }

    private AiExchange failedExchange(DecisionRequest request, AdvisorException.Kind kind) {
        return switch (kind) {
            case UNREACHABLE, TIMEOUT -> exchange(request, 0, "", OptionalLong.empty(), OptionalLong.empty());
            case UNAUTHORIZED -> exchange(request, 401, "{\"error\":\"invalid api key\"}", OptionalLong.empty(),
                    OptionalLong.empty());
            case RATE_LIMITED -> exchange(request, 429, "{\"error\":\"rate limited\"}", OptionalLong.empty(),
                    OptionalLong.empty());
            case INVALID_RESPONSE -> exchange(request, 200, "not json", OptionalLong.of(10), OptionalLong.of(2));
        };
    }

    private AiExchange exchange(DecisionRequest request, int status, String response, OptionalLong in,
            OptionalLong out) {
        String body = "{\"symbol\":\"" + request.symbol() + "\",\"direction\":\"" + request.direction() + "\"}";
        return new AiExchange(EXCHANGE_TIME, provider, model, "http://127.0.0.1/fake-advisor/v1", body, status,
                response, Duration.ofMillis(5), in, out);
    }

    /** An approval at conviction 0.7 that keeps the setup's prices. */
    public static Advice approve(DecisionRequest request) {
        return new Advice(Advice.Verdict.APPROVE, 0.7, "Fake approval of " + request.symbol() + ".",
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), List.of());
    }

    /** A rejection at conviction 0.2. */
    public static Advice reject(DecisionRequest request) {
        return new Advice(Advice.Verdict.REJECT, 0.2, "Fake rejection of " + request.symbol() + ".",
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), List.of());
    }

    @Override
    public String provider() {
        return provider;
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public Advice decide(DecisionRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (requests) {
            requests.add(request);
        }
        Function<DecisionRequest, Advice> step = script.poll();
        return step != null ? step.apply(request) : answerByDefault(request);
    }

    private Advice answerByDefault(DecisionRequest request) {
        Advice a = fallback.apply(request);
        if (!exchanges || !a.exchanges().isEmpty()) {
            return a;
        }
        return new Advice(a.verdict(), a.conviction(), a.thesisSummary(), a.entryPrice(), a.stopPrice(),
                a.targetPrice(), List.of(exchangeFor(request)));
    }

    /** Every request received, in order. */
    public List<DecisionRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Number of scripted steps not used yet. */
    public int pending() {
        return script.size();
    }
}
