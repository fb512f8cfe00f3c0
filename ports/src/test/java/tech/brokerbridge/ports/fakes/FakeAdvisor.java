package tech.brokerbridge.ports.fakes;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import tech.brokerbridge.ports.advisor.Advice;
import tech.brokerbridge.ports.advisor.Advisor;
import tech.brokerbridge.ports.advisor.AdvisorException;
import tech.brokerbridge.ports.advisor.DecisionRequest;

/**
 * A scriptable in-memory {@link Advisor}. Each call takes the next scripted step (an {@link Advice}
 * to return or an {@link AdvisorException} to throw); when the script is empty it answers with the
 * default answer (approve, conviction 0.7, no price changes). It records every request.
 *
 * <p>Thread-safe.
 */
public final class FakeAdvisor implements Advisor {
    private final String provider;
    private final String model;
    private final ConcurrentLinkedQueue<Function<DecisionRequest, Advice>> script = new ConcurrentLinkedQueue<>();
    private final List<DecisionRequest> requests = new ArrayList<>();
    private volatile Function<DecisionRequest, Advice> fallback = FakeAdvisor::approve;

    public FakeAdvisor() {
        this("fake", "fake-v1");
    }

    public FakeAdvisor(String provider, String model) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.model = Objects.requireNonNull(model, "model");
    }

    /** Answers the next call with this advice. */
    public FakeAdvisor thenAnswer(Advice advice) {
        Objects.requireNonNull(advice, "advice");
        script.add(r -> advice);
        return this;
    }

    /** Fails the next call with this exception. */
    public FakeAdvisor thenFail(AdvisorException failure) {
        Objects.requireNonNull(failure, "failure");
        script.add(r -> {
            throw failure;
        });
        return this;
    }

    /** Fails the next call with an exception of that kind and no exchanges. */
    public FakeAdvisor thenFail(AdvisorException.Kind kind) {
        return thenFail(new AdvisorException(kind, "scripted " + kind.code(), List.of(), null));
    }

    /** What to answer once the script is used up (by default {@link #approve}). */
    public FakeAdvisor otherwise(Function<DecisionRequest, Advice> answer) {
        this.fallback = Objects.requireNonNull(answer, "answer");
        return this;
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
        return (step != null ? step : fallback).apply(request);
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
