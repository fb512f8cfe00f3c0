package tech.brokerbridge.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StripeConfigTest {
    @Test
    void defaultsAreStripeFiveTenAndTwo() {
        StripeConfig d = StripeConfig.defaults();
        assertEquals(URI.create("https://api.stripe.com"), d.apiBase());
        assertEquals(Duration.ofSeconds(5), d.connectTimeout());
        assertEquals(Duration.ofSeconds(10), d.readTimeout());
        assertEquals(2, d.maxNetworkRetries());
    }

    @Test
    void theBaseCanBeOverriddenAndLosesItsTrailingSlash() {
        StripeConfig c = StripeConfig.defaults().withApiBase(URI.create("http://127.0.0.1:12111/"));
        assertEquals(URI.create("http://127.0.0.1:12111"), c.apiBase());
        assertEquals(Duration.ofSeconds(10), c.readTimeout());
    }

    @Test
    void everyProblemIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new StripeConfig(URI.create("ftp://x"), Duration.ZERO, Duration.ofMinutes(10), 3));
        String m = e.getMessage();
        assertTrue(m.contains("stripe.api_base"), m); // the setting it comes from, as every owner names it
        assertTrue(m.contains("connect timeout"), m);
        assertTrue(m.contains("read timeout"), m);
        assertTrue(m.contains("retries"), m);
        assertThrows(IllegalArgumentException.class,
                () -> StripeConfig.defaults().withApiBase(URI.create("https://u:p@api.stripe.com")));
        assertThrows(IllegalArgumentException.class, () -> StripeConfig.defaults().withApiBase(null));
        assertThrows(IllegalArgumentException.class,
                () -> StripeConfig.defaults().withApiBase(URI.create("/relative")));
    }
}
