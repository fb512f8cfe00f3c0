package tech.brokerbridge.http.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostRulesTest {
    private final HostRules rules = new HostRules(Set.of("my.desk"));

    @Test
    void ownOriginOnPort80MayOmitThePort() {
        assertTrue(rules.ownOrigin("http://localhost", 80));
        assertFalse(rules.ownOrigin("http://localhost", 8080));
        assertTrue(rules.ownOrigin("http://my.desk:8080", 8080));
        assertFalse(rules.ownOrigin("http://other.desk:8080", 8080));
    }

    /**
     * Whitespace and IPv6 forms; no regard to ASCII case and a valid port needed; a non-ASCII letter
     * never stands for an ASCII one (U+212A, the Kelvin sign, lower-cases to an ASCII 'k' in Java: no
     * look-alike passes).
     */
    @ParameterizedTest(name = "[{index}] \"{0}\" allowed: {1}")
    @CsvSource(ignoreLeadingAndTrailingWhitespace = false, value = {
        "' localhost:8080 ',true", "[::1],true", "::1,false", "[::1]:,false", "'',false",
        "LocalHost:8080,true", "MY.DESK,true", "127.0.0.1:65535,true", "127.0.0.1:65536,false",
        "127.0.0.1:0,false", "localhost:80a,false", "localhost:123456,false", "localhost.evil,false",
        "localhos,false", "evil:8080,false",
        "my.des\u212A,false", "\uFF4Cocalhost,false"})
    void hostAllowed(String host, boolean allowed) {
        assertEquals(allowed, rules.hostAllowed(host), host);
    }
}
