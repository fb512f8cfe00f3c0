package tech.brokerbridge.ports.fakes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ports.advisor.Advice;
import tech.brokerbridge.ports.advisor.Advisor;
import tech.brokerbridge.ports.advisor.AdvisorException;
import tech.brokerbridge.ports.advisor.DecisionRequest;
import tech.brokerbridge.ports.tck.AdvisorContract;

class FakeAdvisorContractTest extends AdvisorContract {
    @Override
    protected Advisor newAdvisor() {
        return new FakeAdvisor();
    }

    @Test
    void followsItsScriptThenFallsBackToTheDefault() {
        DecisionRequest request = strongLong("AAPL");
        Advice scripted = new Advice(Advice.Verdict.REJECT, 0.1, "scripted", OptionalDouble.empty(),
                OptionalDouble.of(98.0), OptionalDouble.empty(), List.of());
        AdvisorException failure = new AdvisorException(AdvisorException.Kind.TIMEOUT, "slow", List.of(), null);
        FakeAdvisor fake = new FakeAdvisor("claude", "m").thenAnswer(scripted).thenFail(failure);

        assertSame(scripted, fake.decide(request));
        assertSame(failure, assertThrows(AdvisorException.class, () -> fake.decide(request)));
        Advice fallback = fake.decide(request);
        assertEquals(Advice.Verdict.APPROVE, fallback.verdict());
        assertEquals(3, fake.requests().size());
        assertEquals(0, fake.pending());
        assertEquals("claude", fake.provider());
    }

    @Test
    void scriptedKindAndFallbackCanBeChanged() {
        FakeAdvisor fake = new FakeAdvisor().thenFail(AdvisorException.Kind.INVALID_RESPONSE)
                .otherwise(FakeAdvisor::reject);
        DecisionRequest request = weakShort("TSLA");
        AdvisorException e = assertThrows(AdvisorException.class, () -> fake.decide(request));
        assertEquals("ai_invalid_response", e.kind().code());
        assertEquals(Advice.Verdict.REJECT, fake.decide(request).verdict());
        assertValidAdvice(request, fake.decide(request));
    }
}
