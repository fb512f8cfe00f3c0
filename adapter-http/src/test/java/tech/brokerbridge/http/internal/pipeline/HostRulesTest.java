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

    @Test
    void hostIsComparedWithoutRegardToAsciiCaseAndNeedsAValidPort() {
        assertTrue(rules.hostAllowed("LocalHost:8080"));
        assertTrue(rules.hostAllowed("MY.DESK"));
        assertTrue(rules.hostAllowed("127.0.0.1:65535"));
        assertFalse(rules.hostAllowed("127.0.0.1:65536"));
        assertFalse(rules.hostAllowed("127.0.0.1:0"));
        assertFalse(rules.hostAllowed("localhost:80a"));
        assertFalse(rules.hostAllowed("localhost:123456"));
        assertFalse(rules.hostAllowed("localhost.evil"));
        assertFalse(rules.hostAllowed("localhos"));
        assertFalse(rules.hostAllowed("evil:8080"));
    }

    @Test
    void aNonAsciiLetterNeverStandsForAnAsciiOne() {
        // U+212A (Kelvin sign) lower-cases to an ASCII 'k' in Java: no look-alike passes
        assertFalse(rules.hostAllowed("my.des\u212A"));
        assertFalse(rules.hostAllowed("\uFF4Cocalhost"));
    }
}
