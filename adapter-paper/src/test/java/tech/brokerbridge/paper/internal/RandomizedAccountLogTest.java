package tech.brokerbridge.paper.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tech.brokerbridge.paper.PaperConfig;
import tech.brokerbridge.ports.broker.BracketOrder;
import tech.brokerbridge.ports.broker.Broker;
import tech.brokerbridge.ports.broker.CloseOrder;
import tech.brokerbridge.ports.broker.OrderView;
import tech.brokerbridge.ports.broker.ProtectionChange;
import tech.brokerbridge.ports.broker.StopOrder;
import tech.brokerbridge.ports.broker.SubmitResult;
import tech.brokerbridge.ports.broker.TrailingStop;
import tech.brokerbridge.ports.market.Direction;

/**
 * Many random calls on a persistent account (brackets submitted, filled, cancelled, modified, cut by
 * closes; stand-alone stops; forced prices; time moving on): after every call, what the files hold (the
 * account file with its log replayed, as after a crash) equals the exchange's account as it stands, so
 * no change a call made can be left out of the record it saved; and so does the account reopened after
 * a clean close (compacted) and from a copy of the files taken while it ran. The open orders (made
 * from views the book keeps between changes) are the live legs of every order, as read one by one.
 */
class RandomizedAccountLogTest {
    private static final Clock WEDNESDAY = Clock.fixed(Instant.parse("2026-03-18T15:00:00Z"), ZoneOffset.UTC);
    private static final List<String> SYMBOLS = List.of("AAPL", "MSFT", "TSLA");
    private static final int CALLS = 400;

    @TempDir
    Path dir;

    @RegisterExtension
    final MarketsUnderTest markets = new MarketsUnderTest();

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void whatTheFilesHoldIsTheAccountAfterEveryCall(long seed) throws IOException {
        Path live = dir.resolve("live");
        // a small log: it fills and is compacted several times on the way
        SimulatedMarket m = markets.track(new SimulatedMarket(PaperConfig.persistentIn(live).withCommissions(0.005, 1),
                WEDNESDAY, Optional.empty(), 16 * 1024));
        Random random = new Random(seed);
        List<String> refs = new ArrayList<>();
        int n = 0;
        for (int i = 0; i < CALLS; i++) {
            try {
                n += call(m, random, refs, i) ? 1 : 0;
            } catch (IllegalArgumentException e) {
                // a value the port refuses (e.g. a stop on the wrong side): no call was made
            }
            assertEquals(m.exchange().stateNow(), AccountFile.peek(live).orElseThrow(), "after call " + i);
            assertEquals(liveLegs(m.broker(), refs), new HashSet<>(m.broker().openOrders()), "after call " + i);
        }
        assertTrue(n > CALLS / 2, "most calls reached the exchange: " + n);
        AccountState running = m.exchange().stateNow();
        Path crash = dir.resolve("crash");
        Files.createDirectories(crash);
        for (String f : List.of(AccountFile.NAME, AccountLog.NAME)) {
            Files.copy(live.resolve(f), crash.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        SimulatedMarket fromCrash = markets.track(new SimulatedMarket(PaperConfig.persistentIn(crash), WEDNESDAY));
        assertEquals(running, fromCrash.exchange().stateNow(), "reopened from the files as they were while it ran");
        m.close();
        SimulatedMarket reopened = markets.track(new SimulatedMarket(PaperConfig.persistentIn(live), WEDNESDAY));
        assertEquals(running, reopened.exchange().stateNow(), "reopened after a clean close");
    }

    private static Set<OrderView> liveLegs(Broker b, List<String> refs) {
        Set<OrderView> live = new HashSet<>();
        for (String ref : refs) {
            b.ordersByRef(ref).stream().filter(o -> !o.state().done()).forEach(live::add);
        }
        return live;
    }

    /** One random call; false when it was refused before reaching the exchange. */
    private static boolean call(SimulatedMarket m, Random random, List<String> refs, int i) {
        Broker b = m.broker();
        PaperExchange x = m.exchange();
        String symbol = SYMBOLS.get(random.nextInt(SYMBOLS.size()));
        double price = x.livePrice(symbol);
        Direction direction = random.nextBoolean() ? Direction.LONG : Direction.SHORT;
        int sign = direction.sign();
        switch (random.nextInt(9)) {
            case 0, 1 -> {
                // entries around the price: some fill at once, some rest
                double entry = cents(price * (1 + sign * (random.nextDouble() * 0.04 - 0.03)));
                String ref = "b" + i;
                if (b.submitBracket(new BracketOrder(ref, symbol, direction, 1 + random.nextInt(20), entry,
                        cents(entry * (1 - sign * 0.03)), cents(entry * (1 + sign * 0.05))))
                        instanceof SubmitResult.Accepted) {
                    refs.add(ref);
                }
            }
            case 2 -> x.forcePrice(symbol, cents(price * (0.96 + random.nextDouble() * 0.08)));
            case 3 -> x.advance(Duration.ofMinutes(5 + random.nextInt(120)));
            case 4 -> {
                if (refs.isEmpty()) {
                    return false;
                }
                b.cancel(refs.get(random.nextInt(refs.size())));
            }
            case 5 -> {
                if (refs.isEmpty()) {
                    return false;
                }
                String ref = refs.get(random.nextInt(refs.size()));
                ProtectionChange change = switch (random.nextInt(3)) {
                    case 0 -> ProtectionChange.stop(cents(price * (1 - sign * 0.02)));
                    case 1 -> ProtectionChange.target(cents(price * (1 + sign * 0.04)));
                    default -> ProtectionChange.trailing(TrailingStop.percent(2), cents(price * (1 - sign * 0.02)));
                };
                b.modify(ref, change);
            }
            case 6 -> {
                if (refs.isEmpty()) {
                    return false;
                }
                String ref = refs.get(random.nextInt(refs.size()));
                List<OrderView> orders = b.ordersByRef(ref); // a bracket's, or a refused close's (none)
                if (orders.isEmpty()) {
                    return false;
                }
                OrderView entry = orders.get(0);
                refs.add("cls-" + i);
                b.close(new CloseOrder("cls-" + i, Optional.of(ref), entry.symbol(), entry.direction(),
                        1 + random.nextInt((int) entry.quantity()), random.nextBoolean() ? OptionalDouble.empty()
                                : OptionalDouble.of(cents(x.livePrice(entry.symbol()) * (1 + 0.01 * entry.direction()
                                        .sign())))));
            }
            case 7 -> {
                long held = x.positions().stream().filter(p -> p.symbol().equals(symbol)).mapToLong(p -> p.quantity())
                        .findFirst().orElse(0);
                if (held == 0) {
                    return false;
                }
                Direction side = held > 0 ? Direction.LONG : Direction.SHORT;
                refs.add("stp-" + i);
                b.protect(new StopOrder("stp-" + i, symbol, side, Math.abs(held), cents(price * (1 - side.sign()
                        * 0.02))));
            }
            default -> {
                if (refs.isEmpty()) {
                    return false;
                }
                b.cancel(refs.get(random.nextInt(refs.size())).replace("b", "cls-"));
            }
        }
        return true;
    }

    private static double cents(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
