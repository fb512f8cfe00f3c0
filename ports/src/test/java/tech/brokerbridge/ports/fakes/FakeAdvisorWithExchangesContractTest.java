package tech.brokerbridge.ports.fakes;

import tech.brokerbridge.ports.advisor.Advisor;
import tech.brokerbridge.ports.tck.AdvisorContract;

/** The advisor contract again, for the fake playing an online advisor ({@link FakeAdvisor#withExchanges()}). */
class FakeAdvisorWithExchangesContractTest extends AdvisorContract {
    @Override
    protected Advisor newAdvisor() {
        return new FakeAdvisor("claude", "m1").withExchanges();
    }
}
