package tech.brokerbridge.stripe;

import java.lang.reflect.Field;
import java.nio.file.Path;

/**
 * Points stripe-java's telemetry id file ({@code ~/.config/stripe/telemetry_id}, written the first
 * time the SDK builds its {@code X-Stripe-Client-User-Agent} header with telemetry on) at a test
 * directory and forgets any id already loaded, so a test neither writes into the real home nor
 * inherits an earlier test's id. Reflection on the SDK's package-private test hooks, tests only.
 */
final class SdkTelemetryId {
    private SdkTelemetryId() {
    }

    static void redirect(Path dir) throws ReflectiveOperationException {
        Class<?> c = Class.forName("com.stripe.net.TelemetryId");
        set(c, "configDirOverride", dir);
        set(c, "cachedId", null);
        set(c, "loaded", false);
    }

    private static void set(Class<?> c, String name, Object value) throws ReflectiveOperationException {
        Field f = c.getDeclaredField(name);
        f.setAccessible(true);
        f.set(null, value);
    }
}
