package tech.brokerbridge.http.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class HostRulesTest {
    private final HostRules rules = new HostRules(Set.of("my.desk"));

    @Test
    void ownOriginOnPort80MayOmitThePort() {
        assertTrue(rules.ownOrigin("http://localhost", 80));
        assertFalse(rules.ownOrigin("http://localhost", 8080));
        assertTrue(rules.ownOrigin("http://my.desk:8080", 8080));
        assertFalse(rules.ownOrigin("http://other.desk:8080", 8080));
    }

    @Test
    void hostWithWhitespaceOrIpv6Forms() {
        assertTrue(rules.hostAllowed(" localhost:8080 "));
        assertTrue(rules.hostAllowed("[::1]"));
        assertFalse(rules.hostAllowed("::1"));
        assertFalse(rules.hostAllowed("[::1]:"));
        assertFalse(rules.hostAllowed(""));
    }
}
