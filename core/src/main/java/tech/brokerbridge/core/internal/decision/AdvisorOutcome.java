package tech.brokerbridge.core.internal.decision;

import java.util.Objects;
import tech.brokerbridge.ports.advisor.Advice;

/** What came of asking the advisor about one setup. */
public sealed interface AdvisorOutcome {
    /** A valid answer (approve or reject). */
    record Answered(Advice advice) implements AdvisorOutcome {
        public Answered {
            Objects.requireNonNull(advice, "advice");
        }
    }

    /**
     * No valid answer.
     *
     * @param code the decision outcome, e.g. {@code ai_timeout}, {@code ai_unreachable}
     */
    record Failed(String code, String reason) implements AdvisorOutcome {
        public Failed {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
