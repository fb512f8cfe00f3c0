package tech.brokerbridge.ibkr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tech.brokerbridge.ibkr.fake.FakeGateway;
import tech.brokerbridge.ibkr.fake.Rig;
import tech.brokerbridge.ibkr.internal.error.ErrorKind;
import tech.brokerbridge.ibkr.internal.error.ErrorTable;
import tech.brokerbridge.ibkr.internal.msg.Inbound;
import tech.brokerbridge.ibkr.internal.msg.Inbound.ErrorMessage;
import tech.brokerbridge.ibkr.internal.msg.Outbound;
import tech.brokerbridge.ports.broker.BracketOrder;
import tech.brokerbridge.ports.broker.BrokerException;
import tech.brokerbridge.ports.broker.OrderEvent;
import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.broker.OrderState;
import tech.brokerbridge.ports.broker.SubmitResult;
import tech.brokerbridge.ports.market.BarRequest;
import tech.brokerbridge.ports.market.Direction;
import tech.brokerbridge.ports.market.MarketDataException;

/** One test per IB error code in scope: where each is routed and what it does there. */
class ErrorRoutingTest {
    private Rig rig;

    @BeforeEach
    void start() throws Exception {
        rig = Rig.connected(new FakeGateway(), s -> Rig.timeout(s, Duration.ofSeconds(3)));
    }

    @AfterEach
    void stop() {
        rig.close();
    }


    /** Sends an error and waits until the adapter has read it (a round trip behind it). */
    private void push(int id, int code, String text) {
        rig.gw.sendToAll(new ErrorMessage(id, code, text, ""));
        rig.client.currentTime();
    }

    private int workingEntry(String ref) {
        SubmitResult.Accepted a = (SubmitResult.Accepted) rig.broker.submitBracket(
                new BracketOrder(ref, "AAPL", Direction.LONG, 10, 100.0, 95.0, 110.0));
        rig.events.await(e -> e instanceof OrderEvent.Working && e.orderRef().equals(ref), 3);
        return Integer.parseInt(a.brokerOrderIds().get(0));
    }

    /** What {@code bars} throws when the gateway answers the historical-data request with error {@code code}. */
    private MarketDataException barsFailWith(int code, String text) {
        rig.gw.override = m -> m instanceof Outbound.ReqHistoricalData h
                ? List.of(new ErrorMessage(h.reqId(), code, text, "")) : null;
        return assertThrows(MarketDataException.class, () -> rig.market.bars(BarRequest.dailyYear("AAPL")));
    }

    @ParameterizedTest
    @ValueSource(ints = {2104, 2106, 2158, 2107, 2108, 2119})
    void farmNoticesAreLoggedAndChangeNothing(int code) {
        assertEquals(ErrorKind.NOTICE, ErrorTable.kindOf(code, ""));
        String before = rig.broker.connectionStatus().message();
        push(-1, code, "farm connection is OK");
        assertTrue(rig.broker.connectionStatus().connected());
        assertEquals(before, rig.broker.connectionStatus().message());
        assertTrue(rig.events.all().isEmpty());
    }

    @Test
    void code399OrderWarningIsANoticeOnTheOrder() {
        int id = workingEntry("w-399");
        push(id, 399, "Order Message: Warning: your order will not be placed at the exchange until 09:30");
        assertEquals(OrderState.WORKING, rig.broker.ordersByRef("w-399").get(0).state());
        assertTrue(rig.events.of(OrderEvent.Rejected.class).isEmpty());
    }

    @Test
    void code1100MarksTheBrokerDisconnectedWhileTheSocketStays() throws Exception {
        shortTimeouts();
        push(-1, 1100, "Connectivity between IB and Trader Workstation has been lost.");
        assertFalse(rig.broker.connectionStatus().connected());
        assertTrue(rig.broker.connectionStatus().message().contains("1100"));
        BrokerException e = assertThrows(BrokerException.class, () -> rig.broker.submitBracket(
                new BracketOrder("l-1100", "AAPL", Direction.LONG, 1, 10, 9, 11)));
        assertTrue(e.retryable());
        assertTrue(e.getMessage().contains("not connected to IB"), e.getMessage());
        assertEquals(0, rig.gw.placedOrders().size(), "nothing is submitted while IB is unreachable");
        assertEquals(1, rig.gw.connectedVersions.size(), "no reconnect for 1100");
        push(-1, 1102, "restored - data maintained");
        assertInstanceOf(SubmitResult.Accepted.class, rig.broker.submitBracket(
                new BracketOrder("l-1100", "AAPL", Direction.LONG, 1, 10, 9, 11)));
    }

    @Test
    void code1102RestoresTheStatusWithNothingToRedo() {
        push(-1, 1100, "lost");
        push(-1, 1102, "Connectivity between IB and Trader Workstation has been restored - data maintained.");
        assertTrue(rig.broker.connectionStatus().connected());
        assertEquals(1, rig.gw.count(Outbound.ReqAccountUpdates.class));
    }

    @Test
    void code1101RestoresAndResubscribesAccountUpdates() throws Exception {
        push(-1, 1100, "lost");
        push(-1, 1101, "Connectivity between IB and Trader Workstation has been restored - data lost.");
        assertTrue(rig.broker.connectionStatus().connected());
        Eventually.until(() -> rig.gw.count(Outbound.ReqAccountUpdates.class) == 2, "account updates re-requested");
    }

    @Test
    void code201OnAWorkingOrderRejectsThatLeg() {
        int id = workingEntry("r-201");
        push(id, 201, "Order rejected - reason:Margin requirement");
        OrderEvent.Rejected r = (OrderEvent.Rejected) rig.events.await(e -> e instanceof OrderEvent.Rejected, 1).get(0);
        assertEquals(OrderLeg.ENTRY, r.leg());
        assertEquals(Integer.toString(id), r.brokerOrderId());
        assertTrue(r.reason().contains("Margin requirement"));
    }

    @Test
    void code202CancelsTheLegWithIbsReason() {
        int id = workingEntry("c-202");
        push(id + 1, 202, "Order Canceled - reason:by the TWS user");
        OrderEvent.Cancelled c = (OrderEvent.Cancelled) rig.events.await(e -> e instanceof OrderEvent.Cancelled, 1)
                .get(0);
        assertEquals(OrderLeg.STOP_LOSS, c.leg());
        assertTrue(c.reason().contains("by the TWS user"));
    }

    @ParameterizedTest
    @ValueSource(ints = {10147, 10148, 161})
    void refusedCancelsLeaveTheOrderAsItIs(int code) {
        int id = workingEntry("k-" + code);
        push(id, code, "OrderId " + id + " that needs to be cancelled cannot be cancelled");
        assertEquals(OrderState.WORKING, rig.broker.ordersByRef("k-" + code).get(0).state());
        assertTrue(rig.events.of(OrderEvent.Cancelled.class).isEmpty());
        assertTrue(rig.events.of(OrderEvent.Rejected.class).isEmpty());
    }

    @Test
    void code200OnHistoricalDataIsAnUnknownSymbol() {
        MarketDataException e = barsFailWith(200, "No security definition has been found for the request");
        assertTrue(e.unknownSymbol());
        assertFalse(e.retryable());
    }

    @Test
    void code200OnAnOrderRefusesTheBracket() {
        rig.gw.contracts.remove("MSFT");
        SubmitResult r = rig.broker.submitBracket(new BracketOrder("u-200", "MSFT", Direction.LONG, 1, 10, 9, 11));
        assertTrue(assertInstanceOf(SubmitResult.Rejected.class, r).reason().contains("No security definition"));
    }

    @Test
    void code103RejectsTheLegsAndResyncsOrderIds() throws Exception {
        rig.gw.override = m -> m instanceof Outbound.PlaceOrder p
                ? List.of(new ErrorMessage(p.orderId(), 103, "Duplicate order id", "")) : null;
        SubmitResult r = rig.broker.submitBracket(new BracketOrder("d-103", "AAPL", Direction.LONG, 1, 10, 9, 11));
        assertInstanceOf(SubmitResult.Accepted.class, r);
        OrderEvent.Rejected rej = (OrderEvent.Rejected) rig.events.await(e -> e instanceof OrderEvent.Rejected, 1).get(0);
        assertTrue(rej.reason().contains("103"));
        Eventually.until(() -> rig.gw.count(Outbound.ReqIds.class) >= 1, "reqIds sent to re-sync");
    }

    @Test
    void code326ClientIdInUseIsReportedInTheStatus() throws Exception {
        IbkrClient second = new IbkrClient(Rig.settings(rig.gw.port(), 1, Duration.ofSeconds(1))
                .withTiming(d -> Thread.sleep(50), tech.brokerbridge.ibkr.internal.conn.Ticker.SYSTEM, () -> 0.5));
        try {
            second.start();
            Eventually.until(() -> second.status().message().contains("client id 1 is already in use"),
                    "326 reported: " + second.status().message());
            assertFalse(second.status().connected());
            assertTrue(rig.broker.connectionStatus().connected(), "the first session is untouched");
        } finally {
            second.close();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {502, 504})
    void notConnectedWithoutARequestDropsTheSessionAndReconnects(int code) throws Exception {
        rig.gw.sendToAll(new ErrorMessage(-1, code, "Not connected", ""));
        Eventually.until(() -> rig.gw.connectedVersions.size() == 2, "reconnected");
        rig.awaitReady();
        assertTrue(rig.broker.connectionStatus().connected());
    }

    /**
     * An error answering a historical-data request fails that request, naming the code; "Not
     * connected" (502, 504) and a 162 pacing violation may pass on a retry, other historical errors
     * (a 162 for no data among them) will not.
     */
    @ParameterizedTest(name = "{0} {1}: retryable {2}")
    @CsvSource(delimiter = '|', value = {
        "502 | Not connected | true",
        "504 | Not connected | true",
        "162 | Historical Market Data Service error message:API historical data query cancelled: pacing violation | true",
        "162 | Historical Market Data Service error message:HMDS query returned no data | false",
        "321 | Historical Market Data Service error message:HMDS query returned no data | false",
        "366 | Historical Market Data Service error message:HMDS query returned no data | false"})
    void historicalErrorsFailTheRequest(int code, String text, boolean retryable) {
        MarketDataException e = barsFailWith(code, text);
        assertEquals(retryable, e.retryable());
        assertFalse(e.unknownSymbol());
        assertTrue(e.getMessage().contains(Integer.toString(code)));
    }

    @Test
    void anErrorForNoKnownIdIsOnlyLogged() {
        push(777, 201, "Order rejected - reason:stale");
        assertTrue(rig.events.all().isEmpty());
        assertTrue(rig.broker.connectionStatus().connected());
    }

    private void shortTimeouts() throws Exception {
        rig.close();
        rig = Rig.connected(new FakeGateway(), s -> Rig.timeout(s, Duration.ofMillis(300)));
    }

    @Test
    void aTimedOutRequestIsRetryable() throws Exception {
        shortTimeouts();
        rig.gw.silent = m -> m instanceof Outbound.ReqPositions;
        long t0 = System.nanoTime();
        BrokerException e = assertThrows(BrokerException.class, rig.broker::positions);
        assertTrue(e.retryable());
        assertTrue(e.getMessage().contains("timed out"));
        assertTrue(System.nanoTime() - t0 < 9_000_000_000L, "bounded by the request timeout");
    }

    @Test
    void anUnacknowledgedBracketTimesOutAndIsNotSentTwice() throws Exception {
        shortTimeouts();
        rig.gw.silent = m -> m instanceof Outbound.PlaceOrder;
        BracketOrder b = new BracketOrder("t-1", "AAPL", Direction.LONG, 1, 10, 9, 11);
        BrokerException e = assertThrows(BrokerException.class, () -> rig.broker.submitBracket(b));
        assertTrue(e.retryable());
        SubmitResult again = rig.broker.submitBracket(b);
        assertTrue(assertInstanceOf(SubmitResult.Rejected.class, again).duplicate());
        assertEquals(3, rig.gw.placedOrders().size());
    }

    @ParameterizedTest(name = "{0} \"{1}\" is {2}")
    @CsvSource({
        "1100, '', CONNECTIVITY_LOST",
        "1101, '', CONNECTIVITY_RESTORED_DATA_LOST",
        "1102, '', CONNECTIVITY_RESTORED",
        "201, '', ORDER_REJECTED",
        "200, '', UNKNOWN_CONTRACT",
        "103, '', DUPLICATE_ORDER_ID",
        "326, '', CLIENT_ID_IN_USE",
        "502, '', NOT_CONNECTED",
        "504, '', NOT_CONNECTED",
        "162, '... Pacing violation', PACING_VIOLATION",
        "162, no data, REQUEST_FAILED",
        "2199, any warning, NOTICE",
        "9999, '', UNKNOWN"})
    void theTableSortsCodesByMeaning(int code, String text, ErrorKind kind) {
        assertEquals(kind, ErrorTable.kindOf(code, text));
    }

    @Test
    void anErrorMessageIsAnInboundMessage() {
        assertInstanceOf(Inbound.ErrorMessage.class, new ErrorMessage(-1, 1, "", ""));
    }
}
