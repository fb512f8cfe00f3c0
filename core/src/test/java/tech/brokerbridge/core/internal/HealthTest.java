package tech.brokerbridge.core.internal;

import tech.brokerbridge.core.Desk;
import tech.brokerbridge.core.DeskFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ports.advisor.AdvisorException;
import tech.brokerbridge.ports.desk.Health;
import tech.brokerbridge.ports.fakes.FakeAdvisor;
import tech.brokerbridge.ports.license.LicenseStatus;

class HealthTest {
    final Harness h = new Harness();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void healthSaysWhatIsTrueNow() {
        h.advisor = new FakeAdvisor("offline", "rules-v1");
        h.start();
        Health health = h.desk.health();
        assertEquals("ok", health.status());
        assertEquals("1.2.3-test", health.version());
        assertFalse(health.tradingLoopActive());
        assertFalse(health.killSwitchEngaged());
        assertEquals(new Health.Service("fake", true, "connected"), health.broker());
        assertEquals(new Health.Service("offline", true, "ready"), health.ai());
        assertEquals(LicenseStatus.EVALUATION, health.license());
        assertEquals("memory", health.secrets().backend());
        assertTrue(health.secrets().available());
        h.broker.setConnected(false);
        assertFalse(h.desk.health().broker().connected());
    }

    @Test
    void anOnlineAdvisorReportsItsLastCall() {
        h.advisor = new FakeAdvisor("claude", "m1").withExchanges()
                .thenFail(AdvisorException.Kind.UNAUTHORIZED, "401 invalid x-api-key");
        h.start();
        assertTrue(h.desk.health().ai().connected());
        h.signals.script("AAPL", Harness.longSetup("AAPL"));
        h.desk.scanNow();
        Health.Service ai = h.desk.health().ai();
        assertEquals("claude", ai.name());
        assertFalse(ai.connected());
        assertEquals("ai_unauthorized: 401 invalid x-api-key", ai.message());
    }

    @Test
    void theEvaluationLicenseEndsAfterFourteenDays() {
        h.start();
        assertEquals(LicenseStatus.EVALUATION, h.desk.license().status());
        assertEquals("inst-test-1", h.desk.license().installationId());
        assertFalse(h.desk.license().liveTradingAllowed());
        h.clock.advance(Duration.ofDays(14));
        h.desk.runMaintenance();
        assertEquals(LicenseStatus.INVALID, h.desk.license().status());
        assertTrue(h.desk.license().reason().startsWith("the 14-day evaluation ended on 2026-01-19"),
                h.desk.license().reason());
        h.restart();
        assertEquals(LicenseStatus.INVALID, h.desk.health().license(), "the first start is kept");
    }

    @Test
    void beforeStartTheLicenseIsNotValidAndAClosedDeskCannotStart() {
        Desk d = DeskFactory.create(h.config, h.ports(), h.clock);
        assertEquals(LicenseStatus.INVALID, d.license().status());
        d.close();
        assertThrows(IllegalStateException.class, d::start);
    }
}
