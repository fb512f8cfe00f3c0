package tech.brokerbridge.paper.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import tech.brokerbridge.paper.internal.AccountState.BracketState;
import tech.brokerbridge.paper.internal.AccountState.Execution;
import tech.brokerbridge.paper.internal.AccountState.Holding;
import tech.brokerbridge.paper.internal.AccountState.LegState;
import tech.brokerbridge.paper.internal.AccountState.Ledger;
import tech.brokerbridge.paper.internal.AccountState.TradeState;
import tech.brokerbridge.ports.broker.BracketOrder;
import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.broker.OrderState;
import tech.brokerbridge.ports.market.Direction;

/**
 * The account file's format, version 2: one JSON object ({@link AccountDocument}) with {@code format}
 * ({@value #FORMAT}), {@code version}, the account's {@code currency}, {@code seed}, {@code idPrefix},
 * id counters, {@code simulatedTime}, {@code cash}, {@code day}, {@code realizedToday},
 * {@code startOfDayEquity}, {@code positions}, {@code priceFactors}, {@code brackets} (each with its
 * three {@code legs}; a filled leg carries {@code executionId}, {@code fillPrice}, {@code filledAt}) and
 * {@code trades} ({@link TradeStateCodec}). Version 1, without {@code trades}, is read too.
 * Amounts are decimal numbers, times ISO-8601 UTC, enums their lower-case wire names.
 *
 * <p>Reading is strict: a missing, unknown or ill-typed field, a value out of range, or legs that
 * contradict each other make the whole file invalid ({@link IllegalArgumentException} saying where).
 */
final class AccountStateCodec {
    static final String FORMAT = "brokerbridge-paper-account";
    static final int VERSION = 2;
    /** Version 1 had no {@code trades} member: nothing had been done to a trade but submit and cancel. */
    static final int VERSION_WITHOUT_TRADES = 1;

    private AccountStateCodec() {
    }

    static String encode(AccountState s) {
        return AccountDocument.write(document(s));
    }

    /** The same document on one line (a record of the account's log, {@link AccountLog}). */
    static String encodeLine(AccountState s) {
        AccountDocument.Account document = document(s);
        String line = AccountDocument.writeLine(document);
        // with assertions on, as in the tests, every record is checked against data binding's text
        assert line.equals(AccountDocument.writeLineBound(document))
                : "the streaming writer and data binding disagree:\n" + line + "\n" + AccountDocument.writeLineBound(document);
        return line;
    }

    private static AccountDocument.Account document(AccountState s) {
        Ledger l = s.ledger();
        List<AccountDocument.Position> positions = new ArrayList<>();
        for (Holding h : l.holdings()) {
            positions.add(new AccountDocument.Position(h.symbol(), h.quantity(), finite(h.averageCost()),
                    finite(h.realized())));
        }
        SortedMap<String, Double> factors = new TreeMap<>();
        s.priceFactors().forEach((symbol, f) -> factors.put(symbol, finite(f)));
        List<AccountDocument.Bracket> brackets = new ArrayList<>();
        for (BracketState b : s.brackets()) {
            brackets.add(encode(b));
        }
        return new AccountDocument.Account(FORMAT, (long) VERSION, s.currency(), s.seed(),
                s.idPrefix(), s.nextOrderId(), s.nextExecutionId(), s.simulatedTime().toString(), finite(l.cash()),
                l.day().toString(), finite(l.realizedToday()), finite(l.startOfDayEquity()), positions, factors,
                brackets, Optional.of(TradeStateCodec.encode(s.trades())));
    }

    private static AccountDocument.Bracket encode(BracketState b) {
        BracketOrder o = b.order();
        List<AccountDocument.Leg> legs = new ArrayList<>();
        for (LegState leg : b.legs()) {
            Optional<Execution> x = leg.execution();
            legs.add(new AccountDocument.Leg(leg.leg().wire(), leg.id(), leg.state().wire(),
                    x.map(Execution::executionId), x.map(e -> finite(e.price())), x.map(e -> e.time().toString())));
        }
        return new AccountDocument.Bracket(o.orderRef(), o.symbol(), o.direction().wire(), o.quantity(),
                finite(o.entryLimit()), finite(o.stopLoss()), finite(o.takeProfit()), legs);
    }

    /** Parses and checks a whole file. */
    static AccountState decode(String text) {
        return decode(text, List.of());
    }

    /**
     * Parses and checks a record of the account's log ({@link AccountDelta}): its {@code trades} may
     * name legs and executions of brackets it does not hold, which {@code earlier} (the state the
     * records before it made) does.
     */
    static AccountState decodeRecord(String text, AccountState earlier) {
        return decode(text, earlier.brackets());
    }

    private static AccountState decode(String text, List<BracketState> earlier) {
        JsonNode tree = AccountDocument.tree(text);
        if (!tree.isObject() || !FORMAT.equals(tree.path("format").textValue())) {
            throw new IllegalArgumentException("not a paper account file (format is not " + FORMAT + ")");
        }
        JsonNode version = tree.path("version");
        if (!version.isIntegralNumber()) {
            throw new IllegalArgumentException("the account: \"version\" must be a whole number");
        }
        if (version.asLong() != VERSION && version.asLong() != VERSION_WITHOUT_TRADES) {
            throw new IllegalArgumentException("format version " + version.asText() + " is not supported here (this"
                    + " version reads " + VERSION + "); was the file written by a newer BrokerBridge?");
        }
        try {
            return decodeFields(AccountDocument.account(tree), version.asLong(), earlier);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("a bad date or time: " + e.getMessage(), e);
        }
    }

    private static AccountState decodeFields(AccountDocument.Account f, long version, List<BracketState> earlier) {
        String currency = f.currency();
        check(currency.matches("[A-Z]{3}"), "currency must be three capital letters");
        long seed = f.seed();
        String idPrefix = f.idPrefix();
        check(!idPrefix.isEmpty(), "idPrefix is empty");
        long nextOrderId = f.nextOrderId();
        long nextExecutionId = f.nextExecutionId();
        check(nextOrderId >= 1 && nextExecutionId >= 1, "id counters start at 1");
        Instant time = Instant.parse(f.simulatedTime());
        double cash = finite(f.cash(), "cash");
        LocalDate day = LocalDate.parse(f.day());
        double realizedToday = finite(f.realizedToday(), "realizedToday");
        double startOfDayEquity = finite(f.startOfDayEquity(), "startOfDayEquity");
        List<Holding> holdings = new ArrayList<>();
        Set<String> held = new HashSet<>();
        for (AccountDocument.Position p : f.positions()) {
            check(p != null, "a position is null");
            Holding h = new Holding(p.symbol(), p.quantity(), finite(p.averageCost(), "a position's averageCost"),
                    finite(p.realized(), "a position's realized"));
            check(PriceModel.isListed(h.symbol()) && held.add(h.symbol()), "position symbol invalid or repeated: " + h.symbol());
            check(h.quantity() != 0 && h.averageCost() > 0, "position " + h.symbol() + ": zero quantity or cost");
            holdings.add(h);
        }
        Map<String, Double> factors = new LinkedHashMap<>();
        f.priceFactors().forEach((symbol, factor) -> {
            check(factor != null && PriceModel.isListed(symbol) && factor > 0 && Double.isFinite(factor),
                    "price factor of " + symbol + " invalid");
            factors.put(symbol, factor);
        });
        Ids ids = new Ids(idPrefix, nextOrderId, nextExecutionId);
        Set<String> refs = new HashSet<>();
        List<BracketState> brackets = new ArrayList<>();
        for (AccountDocument.Bracket b : f.brackets()) {
            check(b != null, "a bracket is null");
            BracketState bracket = decodeBracket(b, ids);
            check(refs.add(bracket.order().orderRef()), "orderRef " + bracket.order().orderRef() + " appears twice");
            brackets.add(bracket);
        }
        check(f.trades().isPresent() == (version != VERSION_WITHOUT_TRADES), "trades go with version " + VERSION
                + ", and only with it");
        List<BracketState> known = brackets;
        if (!earlier.isEmpty()) {
            known = new ArrayList<>(earlier);
            known.addAll(brackets);
        }
        TradeState trades = f.trades().isEmpty() ? TradeState.NONE : TradeStateCodec.decode(f.trades().get(),
                known, ids);
        for (var o : trades.orders()) {
            check(refs.add(o.ref()), "ref " + o.ref() + " appears twice");
        }
        return new AccountState(currency, seed, idPrefix, nextOrderId, nextExecutionId, time,
                new Ledger(cash, day, realizedToday, startOfDayEquity, holdings), factors, brackets, trades);
    }

    private static BracketState decodeBracket(AccountDocument.Bracket b, Ids ids) {
        String ref = b.orderRef();
        BracketOrder order;
        try {
            order = new BracketOrder(ref, b.symbol(), Direction.fromWire(b.direction()), b.quantity(),
                    b.entryLimit(), b.stopLoss(), b.takeProfit());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bracket " + ref + ": " + e.getMessage(), e);
        }
        check(PriceModel.isListed(order.symbol()), "bracket " + ref + ": symbol " + order.symbol() + " is not traded");
        List<AccountDocument.Leg> raw = b.legs();
        check(raw.size() == OrderLeg.BRACKET.size(), "bracket " + ref + " must have three legs");
        List<LegState> legs = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String where = "leg " + i + " of bracket " + ref;
            check(raw.get(i) != null, where + " is null");
            LegState leg = decodeLeg(raw.get(i), where, ids);
            check(leg.leg() == OrderLeg.BRACKET.get(i), where + " must be " + OrderLeg.BRACKET.get(i).wire());
            legs.add(leg);
        }
        checkLegs(ref, legs.get(0).state(), legs.get(1).state(), legs.get(2).state());
        return new BracketState(order, legs);
    }

    private static LegState decodeLeg(AccountDocument.Leg l, String where, Ids ids) {
        OrderLeg leg = enumOf(OrderLeg.class, l.leg(), where);
        ids.orderId(l.id(), where);
        OrderState state = enumOf(OrderState.class, l.state(), where);
        return new LegState(leg, l.id(), state, execution(state, l.executionId(), l.fillPrice(), l.filledAt(), where,
                ids));
    }

    /** The execution of a filled order: its id, fill price and time go with a filled order, and only with one. */
    static Optional<Execution> execution(OrderState state, Optional<String> executionId, Optional<Double> fillPrice,
            Optional<String> filledAt, String where, Ids ids) {
        boolean filled = state == OrderState.FILLED;
        check(filled == executionId.isPresent() && filled == fillPrice.isPresent() && filled == filledAt.isPresent(),
                where + ": executionId, fillPrice and filledAt go with a filled order, and only with one");
        if (!filled) {
            return Optional.empty();
        }
        Execution x = new Execution(executionId.get(), finite(fillPrice.get(), where + ": fillPrice"),
                Instant.parse(filledAt.get()));
        ids.executionId(x.executionId(), where);
        check(x.price() > 0, where + ": fill price must be positive");
        return Optional.of(x);
    }

    /** A double the file can hold (JSON has no NaN or infinity; an overflowing number reads as infinity). */
    static double finite(double v, String what) {
        check(Double.isFinite(v), what + " must be a finite number");
        return v;
    }

    static double finite(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("not a finite number: " + v);
        }
        return v;
    }

    /** The states a bracket's legs can be in together, as the exchange moves them. */
    private static void checkLegs(String ref, OrderState entry, OrderState stop, OrderState target) {
        boolean ok = switch (entry) {
            case WORKING -> stop == OrderState.PENDING && target == OrderState.PENDING;
            case FILLED -> stop != OrderState.PENDING && target != OrderState.PENDING
                    && !(stop == OrderState.FILLED && target == OrderState.FILLED);
            case CANCELLED, REJECTED -> stop.done() && stop != OrderState.FILLED && target.done()
                    && target != OrderState.FILLED;
            case PENDING -> false;
        };
        check(ok, "bracket " + ref + ": legs in states " + entry.wire() + "/" + stop.wire() + "/" + target.wire()
                + " cannot be");
    }

    static <E extends Enum<E>> E enumOf(Class<E> type, String wire, String where) {
        for (E e : type.getEnumConstants()) {
            if (e.name().toLowerCase(Locale.ROOT).equals(wire)) {
                return e;
            }
        }
        throw new IllegalArgumentException(where + ": unknown " + type.getSimpleName() + " \"" + wire + "\"");
    }

    static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalArgumentException(what);
        }
    }

    /** Leg and execution ids: unique, and below the counters so that new ids never repeat them. */
    static final class Ids {
        private final String prefix;
        private final long nextOrderId;
        private final long nextExecutionId;
        private final Set<String> seen = new HashSet<>();

        Ids(String prefix, long nextOrderId, long nextExecutionId) {
            this.prefix = prefix;
            this.nextOrderId = nextOrderId;
            this.nextExecutionId = nextExecutionId;
        }

        void orderId(String id, String where) {
            check(seen.add(id), where + ": id " + id + " is used twice");
            check(below(id, prefix, nextOrderId), where + ": id " + id + " is not below nextOrderId");
        }

        void executionId(String id, String where) {
            check(seen.add(id), where + ": execution id " + id + " is used twice");
            check(below(id, prefix + "X", nextExecutionId), where + ": execution id " + id + " is not below nextExecutionId");
        }

        /** False only for an id this account would hand out again: {@code prefix + n} with {@code n >= next}. */
        private static boolean below(String id, String prefix, long next) {
            if (!id.startsWith(prefix) || id.length() == prefix.length()) {
                return true;
            }
            String n = id.substring(prefix.length());
            if (!n.chars().allMatch(c -> c >= '0' && c <= '9') || n.length() > 18) {
                return true;
            }
            return Long.parseLong(n) < next;
        }
    }
}
