package tech.brokerbridge.core.internal.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tech.brokerbridge.core.internal.scoring.ScoredSetup;
import tech.brokerbridge.ports.advisor.AdvisorException;
import tech.brokerbridge.ports.advisor.DecisionRequest;
import tech.brokerbridge.ports.advisor.RiskMetrics;
import tech.brokerbridge.ports.fakes.FakeAdvisor;
import tech.brokerbridge.ports.fakes.FakeMarketData;
import tech.brokerbridge.ports.fakes.InMemoryJournal;
import tech.brokerbridge.ports.market.Direction;
import tech.brokerbridge.ports.signals.Setup;

class AdvisorGatewayTest {
    final ExecutorService pool = Executors.newCachedThreadPool();
    final InMemoryJournal journal = new InMemoryJournal();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    static DecisionRequest request() {
        Setup s = new Setup("AAPL", "breakout", Direction.LONG, List.of(), 0.8, 0.7, 100, 98, 104);
        return DecisionRequests.of(new ScoredSetup(s, 0.5, 0.7),
                FakeMarketData.series(252, 100, Instant.parse("2026-01-05T00:00:00Z")), 60,
                new RiskMetrics(1.0, 1, 5, 0.1, 5.0, 0.0));
    }

    @Test
    void requestHoldsTheLastNBarsAndTheScores() {
        DecisionRequest r = request();
        assertEquals(60, r.bars().size());
        assertEquals(0.7, r.scores().compositeScore());
        assertEquals(98, r.prices().stop());
    }

    @Test
    void anAnswerIsAuditedBeforeItIsReturned() {
        FakeAdvisor advisor = new FakeAdvisor("claude", "m1").withExchanges();
        AdvisorGateway g = new AdvisorGateway(advisor, journal, pool, Duration.ofSeconds(5));
        assertInstanceOf(AdvisorOutcome.Answered.class, g.decide(request()));
        assertEquals(List.of("ai_exchange"), journal.writes());
        assertTrue(g.health().connected());
        assertEquals("claude", g.health().name());
    }

    @ParameterizedTest
    @EnumSource(AdvisorException.Kind.class)
    void everyFailureKindBecomesItsOutcomeCodeWithTheExchangesAudited(AdvisorException.Kind kind) {
        FakeAdvisor advisor = new FakeAdvisor("openai", "m1").withExchanges().thenFail(kind, "boom " + kind);
        AdvisorGateway g = new AdvisorGateway(advisor, journal, pool, Duration.ofSeconds(5));
        AdvisorOutcome.Failed f = assertInstanceOf(AdvisorOutcome.Failed.class, g.decide(request()));
        assertEquals(kind.code(), f.code());
        assertEquals("boom " + kind, f.reason());
        assertEquals(List.of("ai_exchange"), journal.writes());
        boolean down = kind == AdvisorException.Kind.UNREACHABLE || kind == AdvisorException.Kind.TIMEOUT
                || kind == AdvisorException.Kind.UNAUTHORIZED;
        assertEquals(!down, g.health().connected(), kind.toString());
        assertTrue(g.health().message().contains(kind.code()));
    }

    @Test
    void aCallPastTheDeadlineIsATimeout() {
        CountDownLatch never = new CountDownLatch(1);
        FakeAdvisor advisor = new FakeAdvisor("claude", "m1").thenHold(never);
        AdvisorGateway g = new AdvisorGateway(advisor, journal, pool, Duration.ofMillis(100));
        AdvisorOutcome.Failed f = assertInstanceOf(AdvisorOutcome.Failed.class, g.decide(request()));
        never.countDown();
        assertEquals("ai_timeout", f.code());
        assertFalse(g.health().connected());
    }

    @Test
    void anUnexpectedRuntimeFailureIsAnInvalidResponse() {
        FakeAdvisor advisor = new FakeAdvisor("claude", "m1").then(r -> {
            throw new IllegalStateException("parser bug");
        });
        AdvisorGateway g = new AdvisorGateway(advisor, journal, pool, Duration.ofSeconds(5));
        AdvisorOutcome.Failed f = assertInstanceOf(AdvisorOutcome.Failed.class, g.decide(request()));
        assertEquals("ai_invalid_response", f.code());
        assertTrue(f.reason().contains("parser bug"));
    }

    @Test
    void theOfflineAdvisorIsAlwaysReady() {
        FakeAdvisor advisor = new FakeAdvisor("offline", "rules-v1").thenFail(AdvisorException.Kind.UNREACHABLE, "x");
        AdvisorGateway g = new AdvisorGateway(advisor, journal, pool, Duration.ofSeconds(5));
        g.decide(request());
        assertTrue(g.health().connected());
        assertEquals("ready", g.health().message());
    }
}
