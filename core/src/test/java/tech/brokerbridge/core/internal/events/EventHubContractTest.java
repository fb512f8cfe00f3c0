package tech.brokerbridge.core.internal.events;

import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import tech.brokerbridge.ports.events.DeskEvent;
import tech.brokerbridge.ports.events.DeskEvents;
import tech.brokerbridge.ports.tck.DeskEventsContract;

class EventHubContractTest extends DeskEventsContract {
    private final EventHub hub = new EventHub(Clock.systemUTC());

    @AfterEach
    void close() {
        hub.close();
    }

    @Override
    protected DeskEvents events() {
        return hub;
    }

    @Override
    protected void publishOne() {
        hub.publish((id, t) -> new DeskEvent.KillSwitchReleased(id, t));
    }
}
