package tech.brokerbridge.ai;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tech.brokerbridge.ai.fake.FakeProviderServer;
import tech.brokerbridge.ai.fake.ProviderApi;
import tech.brokerbridge.ai.internal.Sleeper;

/** Shared fixtures: one distinct key per provider, a fixed clock, a sleeper that only records. */
final class Support {
    static final Map<String, String> KEYS = Map.of(
            "claude", "sk-ant-api03-TESTKEY-claude-7f3a9c",
            "openai", "sk-proj-TESTKEY-openai-51be02",
            "openrouter", "sk-or-v1-TESTKEY-openrouter-c0ffee",
            "google", "AIzaSyTESTKEY-google-8d41aa");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-03T14:30:00Z"), ZoneOffset.UTC);

    private Support() {
    }

    static String key(ProviderApi f) {
        return KEYS.get(f.provider());
    }

    /** A vault holding every provider's key. */
    static TestSecretStore vault() {
        TestSecretStore store = new TestSecretStore();
        KEYS.forEach((p, k) -> store.with(p + ".api_key", k));
        return store;
    }

    static AdvisorConfig config(ProviderApi f, FakeProviderServer server, Duration timeout) {
        return AdvisorConfig.defaults().withProvider(f.provider()).withBaseUrl(f.provider(), server.baseUrl())
                .withTimeout(timeout);
    }

    static AdvisorHandle advisor(ProviderApi f, FakeProviderServer server, TestSecretStore vault, Sleeper sleeper) {
        return AdvisorFactory.create(config(f, server, Duration.ofSeconds(5)), vault, CLOCK, sleeper);
    }

    /** The provider's base URL on a loopback port that nothing listens on (it was free a moment ago). */
    static URI closedBaseUrl(ProviderApi f) throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + s.getLocalPort() + f.basePath());
        }
    }

    /** Records the waits it is asked for and returns at once. */
    static final class RecordingSleeper implements Sleeper {
        private final List<Duration> waits = new ArrayList<>();

        @Override
        public synchronized void sleep(Duration duration) {
            waits.add(duration);
        }

        synchronized List<Duration> waits() {
            return List.copyOf(waits);
        }
    }
}
