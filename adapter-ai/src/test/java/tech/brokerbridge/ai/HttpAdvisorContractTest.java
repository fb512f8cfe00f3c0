package tech.brokerbridge.ai;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import tech.brokerbridge.ai.fake.FakeProviderServer;
import tech.brokerbridge.ai.fake.ProviderApi;
import tech.brokerbridge.ports.advisor.Advisor;
import tech.brokerbridge.ports.tck.AdvisorContract;

/** The Advisor contract, run against every network advisor backed by its provider's local fake. */
@ParameterizedClass(name = "{0}")
@EnumSource(ProviderApi.class)
class HttpAdvisorContractTest extends AdvisorContract {
    private final ProviderApi flavor;
    private FakeProviderServer server;

    HttpAdvisorContractTest(ProviderApi flavor) {
        this.flavor = flavor;
    }

    @Override
    protected Advisor newAdvisor() {
        server = new FakeProviderServer(flavor, Support.key(flavor));
        return Support.advisor(flavor, server, Support.vault(), d -> { });
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }
}
