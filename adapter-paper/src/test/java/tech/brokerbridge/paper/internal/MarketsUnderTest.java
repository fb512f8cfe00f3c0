package tech.brokerbridge.paper.internal;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import tech.brokerbridge.paper.PaperConfig;
import tech.brokerbridge.ports.broker.BracketOrder;
import tech.brokerbridge.ports.broker.Broker;
import tech.brokerbridge.ports.broker.SubmitResult;
import tech.brokerbridge.ports.market.Bar;
import tech.brokerbridge.ports.market.BarRequest;
import tech.brokerbridge.ports.market.MarketData;
import tech.brokerbridge.ports.tck.OrderEventRecorder;

/**
 * The paper markets a test opened, closed after each test (register with {@code @RegisterExtension}),
 * and the small broker steps the paper tests share.
 */
final class MarketsUnderTest implements AfterEachCallback {
    private final List<SimulatedMarket> opened = new ArrayList<>();

    /** Keeps {@code market} to be closed after the test; returns it. */
    SimulatedMarket track(SimulatedMarket market) {
        opened.add(market);
        return market;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        opened.forEach(SimulatedMarket::close);
    }

    /** A recorder subscribed to {@code broker}'s order events. */
    static OrderEventRecorder subscribe(Broker broker) {
        OrderEventRecorder events = new OrderEventRecorder();
        broker.subscribe(events);
        return events;
    }

    /** Submits {@code order}, asserting the broker accepted it. */
    static SubmitResult.Accepted accept(Broker broker, BracketOrder order) {
        return assertInstanceOf(SubmitResult.Accepted.class, broker.submitBracket(order));
    }

    /** A symbol and its simulated daily bars of the year up to Thursday 19 March 2026, as seen on Friday. */
    record DailyBars(String symbol, List<Bar> bars) {
        Bar last() {
            return bars.get(bars.size() - 1);
        }
    }

    /** The first of ten simulated symbols whose daily bars up to Thursday 19 March pass {@code test}; fails with {@code why} if none does. */
    static DailyBars firstSymbolWhere(Predicate<List<Bar>> test, String why) {
        MarketData friday = new SimulatedMarket(PaperConfig.defaults(),
                Clock.fixed(Instant.parse("2026-03-20T15:00:00Z"), ZoneOffset.UTC)).marketData();
        for (String s : List.of("NFLX", "AAPL", "MSFT", "NVDA", "AMD", "TSLA", "JPM", "XOM", "META", "AMZN")) {
            List<Bar> bars = friday.bars(BarRequest.dailyYear(s));
            if (test.test(bars)) {
                return new DailyBars(s, bars);
            }
        }
        return fail(why);
    }
}
