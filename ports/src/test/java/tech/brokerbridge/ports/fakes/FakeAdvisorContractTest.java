package tech.brokerbridge.ports.fakes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ports.advisor.Advice;
import tech.brokerbridge.ports.advisor.Advisor;
import tech.brokerbridge.ports.advisor.AdvisorException;
import tech.brokerbridge.ports.advisor.AiExchange;
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

    @Test
    void withoutExchangesItMakesNoneUp() {
        DecisionRequest request = strongLong("AAPL");
        FakeAdvisor fake = new FakeAdvisor().thenFail(AdvisorException.Kind.RATE_LIMITED, "slow down");
        AdvisorException e = assertThrows(AdvisorException.class, () -> fake.decide(request));
        assertEquals(AdvisorException.Kind.RATE_LIMITED, e.kind());
        assertEquals("slow down", e.getMessage());
        assertEquals(List.of(), e.exchanges());
        assertEquals(List.of(), fake.decide(request).exchanges());
    }

    @Test
    void withExchangesWhatItMakesUpCarriesOneExchangeForTheRequest() {
        DecisionRequest request = weakShort("TSLA");
        Advice given = FakeAdvisor.reject(request);
        FakeAdvisor fake = new FakeAdvisor("claude", "m1").withExchanges().thenAnswer(given);
        for (AdvisorException.Kind kind : AdvisorException.Kind.values()) {
            fake.thenFail(kind, "boom " + kind);
        }

        assertSame(given, fake.decide(request), "scripted advice comes back as given");
        for (AdvisorException.Kind kind : AdvisorException.Kind.values()) {
            AdvisorException e = assertThrows(AdvisorException.class, () -> fake.decide(request));
            assertEquals(kind, e.kind());
            assertEquals("boom " + kind, e.getMessage());
            assertEquals(1, e.exchanges().size(), kind.toString());
            assertOurs(e.exchanges().get(0), "TSLA");
        }
        assertEquals(0, e(fake, request, AdvisorException.Kind.TIMEOUT).status());
        assertEquals(401, e(fake, request, AdvisorException.Kind.UNAUTHORIZED).status());
        assertEquals(429, e(fake, request, AdvisorException.Kind.RATE_LIMITED).status());

        Advice byDefault = fake.decide(request);
        assertEquals(FakeAdvisor.approve(request).thesisSummary(), byDefault.thesisSummary());
        assertEquals(List.of(fake.exchangeFor(request)), byDefault.exchanges());
        assertEquals(200, byDefault.exchanges().get(0).status());
        assertOurs(byDefault.exchanges().get(0), "TSLA");
        assertValidAdvice(request, byDefault);
    }

    private static AiExchange e(FakeAdvisor fake, DecisionRequest request, AdvisorException.Kind kind) {
        fake.thenFail(kind, "again");
        return assertThrows(AdvisorException.class, () -> fake.decide(request)).exchanges().get(0);
    }

    private static void assertOurs(AiExchange x, String symbol) {
        assertEquals("claude", x.provider());
        assertEquals("m1", x.model());
        assertEquals(FakeAdvisor.EXCHANGE_TIME, x.time());
        assertTrue(x.requestBody().contains("\"" + symbol + "\""), x.requestBody());
    }

    @Test
    void aStepComputesTheAnswerAndAHeldCallWaitsForTheLatch() throws Exception {
        DecisionRequest request = strongLong("MSFT");
        CountDownLatch release = new CountDownLatch(1);
        FakeAdvisor fake = new FakeAdvisor().then(FakeAdvisor::reject).thenHold(release);
        assertEquals(FakeAdvisor.reject(request), fake.decide(request));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Advice> held = pool.submit(() -> fake.decide(request));
            assertThrows(TimeoutException.class, () -> held.get(50, TimeUnit.MILLISECONDS), "held");
            release.countDown();
            assertEquals(FakeAdvisor.approve(request), held.get(5, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, fake.pending());
    }
}
