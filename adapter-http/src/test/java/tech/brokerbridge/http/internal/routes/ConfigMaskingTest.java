package tech.brokerbridge.http.internal.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.http.internal.web.Json;
import tech.brokerbridge.ports.Secret;

class ConfigMaskingTest {
    @Test
    void masksSensitiveKeysSecretsAndTheTokenItselfAtAnyDepth() {
        Map<String, Object> config = RouteCalls.map(
                "port", 8080,
                "admin_token", "tok-123456",
                "ai", Map.of("openai_api_key", "sk-abc", "model", "gpt", "Client_Secret", "cs"),
                "db_password", "pw",
                "license", Secret.of("lic-xyz"),
                "notes", List.of("plain", "tok-123456", Map.of("stripe_key", "sk_live")),
                "echo", "Bearer tok-123456",
                "enabled", true);
        Map<String, Object> masked = ConfigMasking.mask(config, Optional.of(Secret.of("tok-123456")));
        String json = new String(Json.write(masked), java.nio.charset.StandardCharsets.UTF_8);
        for (String leaked : new String[] {"tok-123456", "sk-abc", "\"cs\"", "\"pw\"", "lic-xyz", "sk_live"}) {
            assertFalse(json.contains(leaked), leaked + " leaked: " + json);
        }
        assertEquals(8080, masked.get("port"));
        assertEquals(true, masked.get("enabled"));
        assertEquals("gpt", ((Map<?, ?>) masked.get("ai")).get("model"));
        assertEquals("plain", ((List<?>) masked.get("notes")).get(0));
        assertEquals(ConfigMasking.MASK, masked.get("license"));
    }
}
