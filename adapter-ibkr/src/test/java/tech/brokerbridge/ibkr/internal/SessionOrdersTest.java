package tech.brokerbridge.ibkr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ibkr.fake.FakeGateway;
import tech.brokerbridge.ibkr.fake.Rig;
import tech.brokerbridge.ibkr.internal.market.TradingHours;
import tech.brokerbridge.ibkr.internal.msg.Outbound;
import tech.brokerbridge.ports.broker.BracketOrder;
import tech.brokerbridge.ports.market.Direction;
import tech.brokerbridge.ports.market.MarketSession;

/** Issue 10.5 at IB: never outside regular hours, and an entry sent outside them survives to the open. */
class SessionOrdersTest {
    private Rig rig;

    @AfterEach
    void stop() {
        if (rig != null) {
            rig.close();
        }
    }

    private List<Outbound.PlaceOrder> sendAt(Instant now, String liquidHours) throws Exception {
        FakeGateway gw = new FakeGateway();
        gw.liquidHours = liquidHours;
        rig = Rig.connected(gw, s -> Rig.clock(s, Clock.fixed(now, ZoneOffset.UTC)));
        rig.broker.submitBracket(new BracketOrder("r", "AAPL", Direction.LONG, 10, 150.0, 145.0, 160.0));
        return rig.gw.placedOrders();
    }

    @Test
    void inTheSessionTheEntryIsADayOrderAndNothingTradesOutsideRegularHours() throws Exception {
        List<Outbound.PlaceOrder> legs = sendAt(Rig.NOW, ""); // Monday 10:00 in New York
        assertEquals("DAY", legs.get(0).order().tif());
        assertEquals("", legs.get(0).order().goodTillDate());
        assertTrue(legs.stream().noneMatch(l -> l.order().outsideRth()), "outsideRth off on every leg");
    }

    @Test
    void onASundayTheEntryIsGoodUntilMondaysClose() throws Exception {
        List<Outbound.PlaceOrder> legs = sendAt(Instant.parse("2026-03-01T18:00:00Z"), "");
        assertEquals("GTD", legs.get(0).order().tif(), "a time in force that survives to the open");
        assertEquals("20260302-21:00:00", legs.get(0).order().goodTillDate(), "Monday 16:00 New York, in UTC");
        assertTrue(legs.stream().noneMatch(l -> l.order().outsideRth()));
        assertEquals(List.of("GTC", "GTC"), List.of(legs.get(1).order().tif(), legs.get(2).order().tif()));
    }

    @Test
    void theContractsLiquidHoursDecideWhenTheyAreGiven() throws Exception {
        // 2 March is a holiday for this contract: after Friday's close the next session is Tuesday's
        String hours = "20260227:0930-20260227:1600;20260302:CLOSED;20260303:0930-20260303:1600";
        List<Outbound.PlaceOrder> legs = sendAt(Instant.parse("2026-03-02T15:00:00Z"), hours);
        assertEquals("GTD", legs.get(0).order().tif());
        assertEquals("20260303-21:00:00", legs.get(0).order().goodTillDate());
        assertEquals(new MarketSession.Closed(Instant.parse("2026-03-03T14:30:00Z")),
                rig.market.instrument("AAPL").session());
    }

    @Test
    void liquidHoursParseInBothOfIbsLayoutsAndTheFallbackIsUsStockHours() {
        List<TradingHours.Session> newer = TradingHours.parse("20260302:0930-20260302:1600;20260303:CLOSED",
                "US/Eastern");
        List<TradingHours.Session> older = TradingHours.parse("20260302:0930-1600;20260303:CLOSED", "EST5EDT");
        assertEquals(newer, older);
        assertEquals(List.of(new TradingHours.Session(Instant.parse("2026-03-02T14:30:00Z"),
                Instant.parse("2026-03-02T21:00:00Z"))), newer);
        assertEquals(new MarketSession.Open(Instant.parse("2026-07-06T20:00:00Z")),
                TradingHours.regular(Instant.parse("2026-07-06T15:00:00Z")));
        assertEquals(new MarketSession.Closed(Instant.parse("2026-07-06T13:30:00Z")),
                TradingHours.regular(Instant.parse("2026-07-04T15:00:00Z")));
    }
}
