package tech.brokerbridge.ports.fakes;

import java.time.Clock;
import tech.brokerbridge.ports.events.DeskEvent;
import tech.brokerbridge.ports.events.DeskEvents;
import tech.brokerbridge.ports.tck.DeskEventsContract;

class FakeDeskEventsContractTest extends DeskEventsContract {
    private final FakeDeskEvents events = new FakeDeskEvents(Clock.systemUTC());

    @Override
    protected DeskEvents events() {
        return events;
    }

    @Override
    protected void publishOne() {
        events.publish((id, t) -> new DeskEvent.KillSwitchReleased(id, t));
    }
}
