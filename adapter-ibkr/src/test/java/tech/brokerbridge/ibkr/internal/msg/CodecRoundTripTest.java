package tech.brokerbridge.ibkr.internal.msg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tech.brokerbridge.ibkr.internal.msg.Inbound.*;
import tech.brokerbridge.ibkr.internal.msg.Outbound.*;
import tech.brokerbridge.ibkr.internal.wire.FieldReader;
import tech.brokerbridge.ibkr.internal.wire.FieldWriter;
import tech.brokerbridge.ibkr.internal.wire.FrameDecoder;
import tech.brokerbridge.ibkr.internal.wire.ProtocolException;

class CodecRoundTripTest {
    static final Contract AAPL = Contract.stock("AAPL", "SMART", "USD");
    static final Contract HELD = new Contract(265598, "AAPL", "STK", "", 0.0, "", "", "NASDAQ", "", "USD", "AAPL", "NMS");
    static final Contract PORTFOLIO = new Contract(265598, "AAPL", "STK", "", 0.0, "", "", "", "NASDAQ", "USD", "AAPL",
            "NMS");

    static List<Outbound> outbound() {
        double unset = Double.MAX_VALUE;
        return List.of(
                new StartApi(7, ""),
                new ReqIds(1),
                new ReqCurrentTime(),
                new ReqManagedAccts(),
                new ReqAccountSummary(1_000_000_001, "All", "NetLiquidation,TotalCashValue,BuyingPower,AvailableFunds"),
                new CancelAccountSummary(1_000_000_001),
                new ReqPositions(),
                new CancelPositions(),
                new ReqAccountUpdates(true, "DU1234567"),
                new ReqHistoricalData(1_000_000_002, AAPL, "", "1 day", "1 Y", true, "TRADES", 1, false),
                new CancelHistoricalData(1_000_000_002),
                new PlaceOrder(11, AAPL, new OrderParams("BUY", 100, "LMT", 150.25, unset, "DAY", "", "DU1234567",
                        "prop-1", false, 0, false)),
                new PlaceOrder(12, AAPL, new OrderParams("SELL", 100, "STP", unset, 145.5, "GTC", "", "DU1234567",
                        "prop-1", false, 11, false)),
                new PlaceOrder(13, AAPL, new OrderParams("SELL", 0.5, "LMT", 160.0, unset, "GTC", "", "", "prop-1",
                        true, 11, true)),
                new CancelOrder(11),
                new ReqOpenOrders(),
                new ReqAllOpenOrders(),
                ReqExecutions.all(1_000_000_003),
                new ReqExecutions(9, 1, "DU1", "20260301 00:00:00", "AAPL", "STK", "SMART", "BUY"),
                new ReqPnL(1_000_000_004, "DU1234567", ""),
                new CancelPnL(1_000_000_004),
                new PlaceOrder(14, AAPL, new OrderParams("BUY", 10, "LMT", 150.25, unset, "GTD", "", "DU1234567",
                        "prop-2", false, 0, false, "20260303-21:00:00")),
                new ReqContractDetails(1_000_000_005, AAPL),
                new ReqMarketDataType(3),
                new ReqMktData(1_000_000_006, AAPL.withConId(265598), "", true),
                new CancelMktData(1_000_000_006));
    }

    static List<Inbound> inbound() {
        double unset = Double.MAX_VALUE;
        Execution exec = new Execution("0000e0d5.6571.01.01", "20260302 15:30:01 US/Eastern", "DU1234567", "ISLAND",
                "BOT", 100, 150.25, 12345L, 1, 0, 100, 150.25, "prop-1", "", 0.0, "", 1);
        return List.of(
                new ManagedAccounts(List.of("DU1234567", "DU7654321")),
                new NextValidId(42),
                new CurrentTime(1_772_000_000L),
                new ErrorMessage(-1, 2104, "Market data farm connection is OK:usfarm", ""),
                new ErrorMessage(11, 201, "Order rejected - reason: Prix non conforme \u00e9t\u00e9", ""),
                new AccountSummary(1_000_000_001, "DU1234567", "NetLiquidation", "100000.00", "USD"),
                new AccountSummaryEnd(1_000_000_001),
                new PositionData("DU1234567", HELD, 100, 140.5),
                new PositionEnd(),
                new HistoricalData(1_000_000_002, "20250302", "20260302", List.of(
                        new HistoricalBar("20260227", 150.0, 152.5, 149.0, 151.75, 1_234_567, 151.1, 8000),
                        new HistoricalBar("20260302", 151.75, 153.0, 150.5, 152.0, 2_000_000, 152.2, 9000))),
                new HistoricalData(5, "", "", List.of()),
                new OrderStatus(11, "Submitted", 0, 100, 0.0, 12345L, 0, 0.0, 1, "", 0.0),
                new OrderStatus(12, "Filled", 100, 0, 150.25, 12346L, 11, 150.25, 1, "locate", 0.0),
                new OpenOrder(11, HELD, "BUY", 100, "LMT", 150.25, unset, "DAY", "", "DU1234567", "prop-1", 1, 12345L,
                        0, "Submitted", ""),
                new OpenOrder(12, HELD, "SELL", 100, "STP", unset, 145.5, "GTC", "", "DU1234567", "prop-1", 1, 12346L,
                        11, "PreSubmitted", "held until parent fills"),
                new OpenOrderEnd(),
                new ExecDetails(-1, 11, HELD, exec),
                new ExecDetailsEnd(1_000_000_003),
                new CommissionReport("0000e0d5.6571.01.01", 1.0, "USD", unset, unset, 0),
                new UpdateAccountValue("UnrealizedPnL", "123.45", "USD", "DU1234567"),
                new UpdatePortfolio(PORTFOLIO, 100, 152.0, 15200.0, 140.5, 1150.0, 0.0, "DU1234567"),
                new UpdateAccountTime("15:31"),
                new AccountDownloadEnd("DU1234567"),
                new PnL(1_000_000_004, -125.5, 1150.0, 25.0),
                new PnL(1_000_000_004, 10.0, unset, unset),
                new ContractData(1_000_000_005, "AAPL", "STK", 265598, 0.01, "SMART", "NASDAQ", "USD", "APPLE INC",
                        "US/Eastern", "20260302:0400-20260302:2000;20260303:0400-20260303:2000",
                        "20260302:0930-20260302:1600;20260303:0930-20260303:1600"),
                new ContractDataEnd(1_000_000_005),
                new TickPrice(1_000_000_006, 4, 151.25, 100, 0),
                new TickPrice(1_000_000_006, 68, 151.2, 0, 2),
                new TickSize(1_000_000_006, 5, 300),
                new MarketDataType(1_000_000_006, 3),
                new TickReqParams(1_000_000_006, 0.01, "9c0001", 3),
                new TickSnapshotEnd(1_000_000_006),
                new Unhandled(46));
    }

    static Stream<Arguments> outboundAtVersions() {
        return Stream.of(157, 176).flatMap(v -> outbound().stream().map(m -> Arguments.of(v, m)));
    }

    static Stream<Arguments> inboundAtVersions() {
        return Stream.of(157, 176).flatMap(v -> inbound().stream().map(m -> Arguments.of(v, m)));
    }

    @ParameterizedTest(name = "v{0} {1}")
    @MethodSource("outboundAtVersions")
    void everyClientMessageRoundTrips(int version, Outbound m) {
        FieldWriter w = new FieldWriter();
        m.encode(w, version);
        Outbound back = new RequestDecoder(version).decode(w.toPayload());
        assertEquals(m, back);
    }

    @ParameterizedTest(name = "v{0} {1}")
    @MethodSource("inboundAtVersions")
    void everyServerMessageRoundTrips(int version, Inbound m) {
        byte[] frame = new InboundEncoder(version).frame(m);
        List<byte[]> payloads = new ArrayList<>();
        new FrameDecoder().feed(frame, 0, frame.length, payloads::add);
        assertEquals(1, payloads.size());
        assertEquals(m, new InboundDecoder(version).decode(payloads.get(0)));
    }

    @ParameterizedTest
    @ValueSource(ints = {157, 176})
    void placeOrderHasTheBriefsFieldCount(int version) {
        FieldWriter w = new FieldWriter();
        outbound().get(11).encode(w, version);
        assertEquals(version == 176 ? 115 : 110, w.fieldCount());
        String[] f = fields(w.toPayload());
        assertEquals("3", f[0]);
        assertEquals("11", f[1]);
        assertEquals("AAPL", f[3]);
        assertEquals("BUY", f[16]);
        assertEquals("100", f[17]);
        assertEquals("LMT", f[18]);
        assertEquals("150.25", f[19]);
        assertEquals("", f[20]); // aux price unset
        assertEquals("prop-1", f[26]); // orderRef
        assertEquals("0", f[27]); // transmit
        assertEquals("0", f[28]); // parentId
    }

    @ParameterizedTest
    @ValueSource(ints = {157, 176})
    void cancelOrderCarriesManualCancelTimeOnlyFrom169(int version) {
        FieldWriter w = new FieldWriter();
        new CancelOrder(5).encode(w, version);
        assertEquals(version >= 169 ? 4 : 3, w.fieldCount());
    }

    @ParameterizedTest
    @ValueSource(ints = {157, 176})
    void errorCarriesAdvancedRejectJsonOnlyFrom166(int version) {
        FieldWriter w = new FieldWriter();
        new InboundEncoder(version).encode(new ErrorMessage(3, 201, "x", "{\"k\":1}"), w);
        assertEquals(version >= 166 ? 6 : 5, w.fieldCount());
        ErrorMessage back = (ErrorMessage) new InboundDecoder(version).decode(w.toPayload());
        assertEquals(version >= 166 ? "{\"k\":1}" : "", back.advancedOrderRejectJson());
    }

    @ParameterizedTest
    @ValueSource(ints = {157, 176})
    void openOrderTailFollowsTheVersionGates(int version) {
        FieldWriter w = new FieldWriter();
        new InboundEncoder(version).encode(inbound().get(13), w);
        // 128 fields at 157; 158, 160, 162 add one each and 170 adds the five peg fields
        assertEquals(version == 176 ? 136 : 128, w.fieldCount());
    }

    @ParameterizedTest
    @ValueSource(ints = {157, 176})
    void errorTextIsUnescapedFrom153(int version) {
        FieldWriter w = new FieldWriter();
        w.add(4).add(2).add(1).add(201).add("r\\u00e9jet\\u00e9");
        if (version >= 166) {
            w.add("");
        }
        ErrorMessage e = (ErrorMessage) new InboundDecoder(version).decode(w.toPayload());
        assertEquals("r\u00e9jet\u00e9", e.message());
    }

    @ParameterizedTest
    @ValueSource(ints = {157, 176})
    void serverSideRefusesLeftoverFields(int version) {
        FieldWriter w = new FieldWriter();
        new ReqPositions().encode(w, version);
        w.add("extra");
        assertThrows(ProtocolException.class, () -> new RequestDecoder(version).decode(w.toPayload()));
    }

    @ParameterizedTest
    @ValueSource(ints = {157, 176})
    void unsetValuesSentEitherWayDecodeAsUnset(int version) {
        // Java sends 1.7976931348623157E308 in some slots, Python and stoqey send empty fields
        FieldWriter a = new FieldWriter();
        a.add("1.7976931348623157E308").add("").add("2147483647").add("");
        FieldReader r = new FieldReader(a.toPayload());
        assertEquals(Double.MAX_VALUE, r.readDoubleMax());
        assertEquals(Double.MAX_VALUE, r.readDoubleMax());
        assertEquals(Double.MAX_VALUE, r.readDecimal());
        assertEquals(Integer.MAX_VALUE, r.readIntMax());
        assertFalse(r.hasMore());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "abc", "1e3"})
    void integersAreParsedStrictly(String text) {
        FieldReader r = new FieldReader(new FieldWriter().add(text).toPayload());
        assertThrows(ProtocolException.class, r::readInt);
    }

    @ParameterizedTest
    @ValueSource(ints = {157, 176})
    void fieldsTerminateWithNul(int version) {
        FieldWriter w = new FieldWriter();
        new ReqCurrentTime().encode(w, version);
        byte[] p = w.toPayload();
        assertTrue(Arrays.equals(new byte[] {'4', '9', 0, '1', 0}, p));
    }

    static String[] fields(byte[] payload) {
        String s = new String(payload, java.nio.charset.StandardCharsets.UTF_8);
        return s.substring(0, s.length() - 1).split("\0", -1);
    }
}
