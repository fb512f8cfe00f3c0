package tech.brokerbridge.core.internal.decision;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.ports.advisor.Advice;
import tech.brokerbridge.ports.advisor.Advisor;
import tech.brokerbridge.ports.advisor.AdvisorException;
import tech.brokerbridge.ports.advisor.AiExchange;
import tech.brokerbridge.ports.advisor.DecisionRequest;
import tech.brokerbridge.ports.desk.Health;
import tech.brokerbridge.ports.journal.OutboundAudit;

/**
 * Asks the advisor with a deadline, writes every exchange it reports to the journal's AI audit
 * BEFORE the answer is used, and turns every failure into an {@link AdvisorOutcome.Failed} with a
 * decision outcome code ({@code ai_unreachable}, {@code ai_timeout}, {@code ai_unauthorized},
 * {@code ai_rate_limited}, {@code ai_invalid_response}). Remembers the last call's outcome for health.
 *
 * <p>Thread-safe. {@link #decide} blocks at most the deadline; the advisor call runs on the given
 * executor and is interrupted when the deadline passes.
 */
public final class AdvisorGateway {
    private static final Logger LOG = LoggerFactory.getLogger(AdvisorGateway.class);
    private final Advisor advisor;
    private final OutboundAudit audit;
    private final ExecutorService executor;
    private final Duration deadline;
    private final String provider;
    private volatile Health.Service lastStatus;

    public AdvisorGateway(Advisor advisor, OutboundAudit audit, ExecutorService executor, Duration deadline) {
        this.advisor = Objects.requireNonNull(advisor, "advisor");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.deadline = Objects.requireNonNull(deadline, "deadline");
        this.provider = advisor.provider();
        this.lastStatus = "offline".equals(provider)
                ? new Health.Service(provider, true, "ready")
                : new Health.Service(provider, true, "no call made yet");
    }

    public AdvisorOutcome decide(DecisionRequest request) {
        Future<Advice> call = executor.submit(() -> advisor.decide(request));
        try {
            Advice advice = call.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            audit(advice.exchanges());
            status(true, "last call succeeded");
            return new AdvisorOutcome.Answered(advice);
        } catch (TimeoutException e) {
            call.cancel(true);
            String why = "no answer within " + deadline.toSeconds() + " s";
            status(false, AdvisorException.Kind.TIMEOUT.code() + ": " + why);
            return new AdvisorOutcome.Failed(AdvisorException.Kind.TIMEOUT.code(), why);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            return new AdvisorOutcome.Failed(AdvisorException.Kind.UNREACHABLE.code(), "interrupted while waiting");
        } catch (ExecutionException e) {
            return failed(e.getCause());
        }
    }

    private AdvisorOutcome failed(Throwable cause) {
        if (cause instanceof AdvisorException ae) {
            audit(ae.exchanges());
            AdvisorException.Kind kind = ae.kind();
            boolean down = kind == AdvisorException.Kind.UNREACHABLE || kind == AdvisorException.Kind.TIMEOUT
                    || kind == AdvisorException.Kind.UNAUTHORIZED;
            String message = String.valueOf(ae.getMessage());
            status(!down, kind.code() + ": " + message);
            return new AdvisorOutcome.Failed(kind.code(), message);
        }
        // a bug or an unexpected failure in the adapter: never a trade, and say what it was
        LOG.warn("advisor {} failed unexpectedly: {}", provider, cause.toString());
        String message = "unexpected advisor failure: " + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")");
        status(true, AdvisorException.Kind.INVALID_RESPONSE.code() + ": " + message);
        return new AdvisorOutcome.Failed(AdvisorException.Kind.INVALID_RESPONSE.code(), message);
    }

    private void audit(List<AiExchange> exchanges) {
        for (AiExchange x : exchanges) {
            audit.recordAiExchange(x);
        }
    }

    private void status(boolean connected, String message) {
        if ("offline".equals(provider)) {
            return;
        }
        lastStatus = new Health.Service(provider, connected, message);
    }

    /** The advisor's state as health shows it: the outcome of the last call made. */
    public Health.Service health() {
        return lastStatus;
    }
}
