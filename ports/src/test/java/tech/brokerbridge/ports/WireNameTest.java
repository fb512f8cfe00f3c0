package tech.brokerbridge.ports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import tech.brokerbridge.ports.journal.ApprovalRecord;
import tech.brokerbridge.ports.journal.TradeAction;
import tech.brokerbridge.ports.market.Direction;

class WireNameTest {
    @Test
    void theWireNameIsTheConstantInLowerCase() {
        assertEquals("long", Direction.LONG.wire());
        assertEquals("rearm_stop", TradeAction.Kind.REARM_STOP.wire());
        assertEquals("modify_target", ApprovalRecord.Action.MODIFY_TARGET.wire());
    }

    @Test
    void readsEveryWireNameBackToItsConstant() {
        for (TradeAction.State s : TradeAction.State.values()) {
            assertEquals(s, TradeAction.State.fromWire(s.wire()));
            assertEquals(s, WireName.fromWire(TradeAction.State.class, s.wire()));
        }
        assertEquals(Direction.SHORT, Direction.fromWire("SHORT"));
    }

    @Test
    void refusesAnUnknownNameAsEnumValueOfDoes() {
        IllegalArgumentException expected = assertThrows(IllegalArgumentException.class,
                () -> Direction.valueOf("SIDEWAYS"));
        IllegalArgumentException got = assertThrows(IllegalArgumentException.class,
                () -> Direction.fromWire("sideways"));
        assertEquals(expected.getMessage(), got.getMessage());
        assertThrows(NullPointerException.class, () -> Direction.fromWire(null));
    }
}
