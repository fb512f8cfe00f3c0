package tech.brokerbridge.paper;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import tech.brokerbridge.paper.internal.SimulatedMarket;
import tech.brokerbridge.ports.tck.BrokerContract;
import tech.brokerbridge.ports.tck.BrokerRig;

/** The Broker contract of the paper broker on simulated prices; subclasses run it on the other sources. */
class PaperBrokerContractTest extends BrokerContract {
    /** A Wednesday during the session; the clock stands still, so only the tests move prices. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-18T15:00:00Z"), ZoneOffset.UTC);

    SimulatedMarket market;

    @Override
    protected BrokerRig newRig() {
        market = open();
        return rig(market);
    }

    /** A paper market under the broker contracts: its prices move only when a test forces them. */
    static BrokerRig rig(SimulatedMarket market) {
        return new BrokerRig(market.broker(), market.exchange()::forcePrice, market::close);
    }

    /** The market under test. */
    SimulatedMarket open() {
        return new SimulatedMarket(config(), CLOCK);
    }

    /** The paper account under test: in memory here. */
    PaperConfig config() {
        return PaperConfig.defaults();
    }
}
