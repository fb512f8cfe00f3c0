package tech.brokerbridge.ports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class SecretTest {
    @Test
    void toStringNeverShowsTheValue() {
        Secret s = Secret.of("sk-live-canary-123456");
        assertFalse(s.toString().contains("canary"));
        assertFalse(String.valueOf(s).contains("123456"));
        assertEquals("sk-live-canary-123456", s.reveal());
    }

    @Test
    void equalityComparesValues() {
        assertEquals(Secret.of("a1"), Secret.of("a1"));
        assertNotEquals(Secret.of("a1"), Secret.of("a2"));
        assertNotEquals(Secret.of("a1"), Secret.of("a12"));
    }
}
