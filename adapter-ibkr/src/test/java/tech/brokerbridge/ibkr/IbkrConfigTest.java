package tech.brokerbridge.ibkr;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IbkrConfigTest {
    @Test
    void defaultsAreThePaperGatewayOnLoopback() {
        IbkrConfig c = IbkrConfig.defaults();
        assertEquals("127.0.0.1", c.host());
        assertEquals(4002, c.port());
        assertEquals(1, c.clientId());
        assertFalse(c.allowRemoteHost());
        assertEquals(Duration.ofSeconds(10), c.requestTimeout());
        assertEquals("SMART", c.exchange());
        assertEquals("USD", c.currency());
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.0.0.2", "localhost", "LOCALHOST", "::1", "[::1]"})
    void loopbackHostsAreAccepted(String host) {
        assertDoesNotThrow(() -> IbkrConfig.defaults().withHost(host, false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"192.168.1.10", "10.0.0.5", "0.0.0.0", "gateway.example.com", "::", "8.8.8.8"})
    void aNonLoopbackHostIsRefusedWithAClearMessage(String host) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IbkrConfig.defaults().withHost(host, false));
        assertTrue(e.getMessage().contains("ibkr.allow_remote_host=true"), e.getMessage());
        assertTrue(e.getMessage().contains(host), e.getMessage());
    }

    @Test
    void aRemoteHostIsAllowedWhenTheUserSaysSo() {
        assertEquals("192.168.1.10", IbkrConfig.defaults().withHost("192.168.1.10", true).host());
    }

    @Test
    void badNumbersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> IbkrConfig.defaults().withPort(0));
        assertThrows(IllegalArgumentException.class, () -> IbkrConfig.defaults().withPort(70000));
        assertThrows(IllegalArgumentException.class, () -> IbkrConfig.defaults().withClientId(-1));
        assertThrows(IllegalArgumentException.class, () -> IbkrConfig.defaults().withRequestTimeout(Duration.ZERO));
    }
}
