package tech.brokerbridge.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ai.internal.HttpAdvisor;
import tech.brokerbridge.ai.internal.OfflineRulesAdvisor;

class AdvisorConfigTest {
    @Test
    void defaultsAreOfflineWithTheDocumentedModelsAndUrls() {
        AdvisorConfig d = AdvisorConfig.defaults();
        assertEquals("offline", d.provider());
        assertEquals(Duration.ofSeconds(30), d.timeout());
        assertEquals(2, d.maxRetries());
        assertEquals("rules-v1", d.model("offline"));
        assertEquals(URI.create("https://api.anthropic.com"), d.baseUrl("claude"));
        assertEquals(URI.create("https://api.openai.com/v1"), d.baseUrl("openai"));
        assertEquals(URI.create("https://openrouter.ai/api/v1"), d.baseUrl("openrouter"));
        assertEquals(URI.create("https://generativelanguage.googleapis.com"), d.baseUrl("google"));
        assertInstanceOf(OfflineRulesAdvisor.class, AdvisorFactory.create(d, new TestSecretStore(), Support.CLOCK));
    }

    @Test
    void overridesWinAndTrailingSlashesGo() {
        AdvisorConfig c = new AdvisorConfig("Claude", Map.of("CLAUDE", "claude-opus-4-6"),
                Map.of("claude", URI.create("https://proxy.corp.example/anthropic/")), Duration.ofSeconds(5), 0);
        assertEquals("claude", c.provider());
        assertEquals("claude-opus-4-6", c.model("claude"));
        assertEquals(URI.create("https://proxy.corp.example/anthropic"), c.baseUrl("claude"));
        assertEquals(AdvisorConfig.DEFAULT_MODELS.get("openai"), c.model("openai"));
        AdvisorHandle h = AdvisorFactory.create(c, new TestSecretStore(), Support.CLOCK);
        assertInstanceOf(HttpAdvisor.class, h);
        assertEquals("claude-opus-4-6", h.model());
        assertEquals("no call yet", h.statusMessage());
    }

    @Test
    void anUnknownProviderListsTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AdvisorConfig.defaults().withProvider("gpt"));
        assertEquals("unknown AI provider 'gpt'; valid: offline, claude, openai, openrouter, google", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AdvisorConfig.defaults().withModel("mistral", "m"));
    }

    @Test
    void refusesBadValues() {
        AdvisorConfig d = AdvisorConfig.defaults();
        assertThrows(IllegalArgumentException.class, () -> d.withTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> d.withMaxRetries(-1));
        assertThrows(IllegalArgumentException.class, () -> d.withMaxRetries(6));
        assertThrows(IllegalArgumentException.class, () -> d.withBaseUrl("openai", URI.create("ftp://x/v1")));
        assertThrows(IllegalArgumentException.class, () -> d.withBaseUrl("openai", URI.create("/v1")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> d.withBaseUrl("google", URI.create("https://g.example?key=abc")));
        assertTrue(e.getMessage().contains("query"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> d.withModel("claude", " "));
        assertThrows(IllegalArgumentException.class, () -> AdvisorFactory.create(
                d.withProvider("google").withModel("google", "../../etc"), new TestSecretStore(), Support.CLOCK));
    }
}
