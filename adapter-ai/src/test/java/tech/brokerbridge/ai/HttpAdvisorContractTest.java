package tech.brokerbridge.ai;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import tech.brokerbridge.ai.fake.FakeProviderServer;
import tech.brokerbridge.ai.fake.ProviderApi;
import tech.brokerbridge.ports.advisor.Advisor;
import tech.brokerbridge.ports.tck.AdvisorContract;

/** The Advisor contract, run against every network advisor backed by its provider's local fake. */
class HttpAdvisorContractTest {
    abstract static class AgainstFake extends AdvisorContract {
        private FakeProviderServer server;

        abstract ProviderApi flavor();

        @Override
        protected Advisor newAdvisor() {
            server = new FakeProviderServer(flavor(), Support.key(flavor()));
            return Support.advisor(flavor(), server, Support.vault(), d -> { });
        }

        @AfterEach
        void stopServer() {
            if (server != null) {
                server.close();
            }
        }
    }

    @Nested
    class Claude extends AgainstFake {
        @Override
        ProviderApi flavor() {
            return ProviderApi.CLAUDE;
        }
    }

    @Nested
    class OpenAi extends AgainstFake {
        @Override
        ProviderApi flavor() {
            return ProviderApi.OPENAI;
        }
    }

    @Nested
    class OpenRouter extends AgainstFake {
        @Override
        ProviderApi flavor() {
            return ProviderApi.OPENROUTER;
        }
    }

    @Nested
    class Google extends AgainstFake {
        @Override
        ProviderApi flavor() {
            return ProviderApi.GOOGLE;
        }
    }
}
