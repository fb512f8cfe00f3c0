package tech.brokerbridge.paper.internal;

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
 * The account file's format, version 2: one JSON object (see {@link Json}) with {@code format}
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
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", FORMAT);
        doc.put("version", Json.Num.of(VERSION));
        doc.put("currency", s.currency());
        doc.put("seed", Json.Num.of(s.seed()));
        doc.put("idPrefix", s.idPrefix());
        doc.put("nextOrderId", Json.Num.of(s.nextOrderId()));
        doc.put("nextExecutionId", Json.Num.of(s.nextExecutionId()));
        doc.put("simulatedTime", s.simulatedTime().toString());
        Ledger l = s.ledger();
        doc.put("cash", Json.Num.of(l.cash()));
        doc.put("day", l.day().toString());
        doc.put("realizedToday", Json.Num.of(l.realizedToday()));
        doc.put("startOfDayEquity", Json.Num.of(l.startOfDayEquity()));
        List<Object> positions = new ArrayList<>();
        for (Holding h : l.holdings()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("symbol", h.symbol());
            p.put("quantity", Json.Num.of(h.quantity()));
            p.put("averageCost", Json.Num.of(h.averageCost()));
            p.put("realized", Json.Num.of(h.realized()));
            positions.add(p);
        }
        doc.put("positions", positions);
        Map<String, Object> factors = new LinkedHashMap<>();
        new TreeMap<>(s.priceFactors()).forEach((symbol, f) -> factors.put(symbol, Json.Num.of(f)));
        doc.put("priceFactors", factors);
        List<Object> brackets = new ArrayList<>();
        for (BracketState b : s.brackets()) {
            brackets.add(encode(b));
        }
        doc.put("brackets", brackets);
        doc.put("trades", TradeStateCodec.encode(s.trades()));
        return Json.write(doc);
    }

    private static Map<String, Object> encode(BracketState b) {
        BracketOrder o = b.order();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("orderRef", o.orderRef());
        m.put("symbol", o.symbol());
        m.put("direction", o.direction().wire());
        m.put("quantity", Json.Num.of(o.quantity()));
        m.put("entryLimit", Json.Num.of(o.entryLimit()));
        m.put("stopLoss", Json.Num.of(o.stopLoss()));
        m.put("takeProfit", Json.Num.of(o.takeProfit()));
        List<Object> legs = new ArrayList<>();
        for (LegState leg : b.legs()) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("leg", leg.leg().wire());
            l.put("id", leg.id());
            l.put("state", leg.state().wire());
            leg.execution().ifPresent(x -> {
                l.put("executionId", x.executionId());
                l.put("fillPrice", Json.Num.of(x.price()));
                l.put("filledAt", x.time().toString());
            });
            legs.add(l);
        }
        m.put("legs", legs);
        return m;
    }

    /** Parses and checks a whole file. */
    static AccountState decode(String text) {
        JsonFields f = new JsonFields("the account", Json.read(text));
        if (!FORMAT.equals(f.string("format"))) {
            throw new IllegalArgumentException("not a paper account file (format is not " + FORMAT + ")");
        }
        long version = f.integer("version");
        if (version != VERSION && version != VERSION_WITHOUT_TRADES) {
            throw new IllegalArgumentException("format version " + version + " is not supported here (this version reads "
                    + VERSION + "); was the file written by a newer BrokerBridge?");
        }
        try {
            return decodeFields(f, version);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("a bad date or time: " + e.getMessage(), e);
        }
    }

    private static AccountState decodeFields(JsonFields f, long version) {
        String currency = f.string("currency");
        check(currency.matches("[A-Z]{3}"), "currency must be three capital letters");
        long seed = f.integer("seed");
        String idPrefix = f.string("idPrefix");
        check(!idPrefix.isEmpty(), "idPrefix is empty");
        long nextOrderId = f.integer("nextOrderId");
        long nextExecutionId = f.integer("nextExecutionId");
        check(nextOrderId >= 1 && nextExecutionId >= 1, "id counters start at 1");
        Instant time = Instant.parse(f.string("simulatedTime"));
        double cash = f.decimal("cash");
        LocalDate day = LocalDate.parse(f.string("day"));
        double realizedToday = f.decimal("realizedToday");
        double startOfDayEquity = f.decimal("startOfDayEquity");
        List<Holding> holdings = new ArrayList<>();
        Set<String> held = new HashSet<>();
        for (Object o : f.array("positions")) {
            JsonFields p = new JsonFields("a position", o);
            Holding h = new Holding(p.string("symbol"), p.integer("quantity"), p.decimal("averageCost"), p.decimal("realized"));
            p.end();
            check(PriceModel.isListed(h.symbol()) && held.add(h.symbol()), "position symbol invalid or repeated: " + h.symbol());
            check(h.quantity() != 0 && h.averageCost() > 0, "position " + h.symbol() + ": zero quantity or cost");
            holdings.add(h);
        }
        Map<String, Double> factors = new LinkedHashMap<>();
        JsonFields pf = f.object("priceFactors");
        for (String symbol : pf.keys()) {
            double factor = pf.decimal(symbol);
            check(PriceModel.isListed(symbol) && factor > 0, "price factor of " + symbol + " invalid");
            factors.put(symbol, factor);
        }
        pf.end();
        Ids ids = new Ids(idPrefix, nextOrderId, nextExecutionId);
        Set<String> refs = new HashSet<>();
        List<BracketState> brackets = new ArrayList<>();
        for (Object o : f.array("brackets")) {
            BracketState b = decodeBracket(new JsonFields("a bracket", o), ids);
            check(refs.add(b.order().orderRef()), "orderRef " + b.order().orderRef() + " appears twice");
            brackets.add(b);
        }
        TradeState trades = TradeState.NONE;
        if (version != VERSION_WITHOUT_TRADES) {
            Set<String> legIds = new HashSet<>();
            Set<String> executions = new HashSet<>();
            for (BracketState b : brackets) {
                for (LegState leg : b.legs()) {
                    legIds.add(leg.id());
                    leg.execution().ifPresent(x -> executions.add(x.executionId()));
                }
            }
            trades = TradeStateCodec.decode(f.object("trades"), legIds, executions, ids);
            for (var o : trades.orders()) {
                check(refs.add(o.ref()), "ref " + o.ref() + " appears twice");
            }
        }
        f.end();
        return new AccountState(currency, seed, idPrefix, nextOrderId, nextExecutionId, time,
                new Ledger(cash, day, realizedToday, startOfDayEquity, holdings), factors, brackets, trades);
    }

    private static BracketState decodeBracket(JsonFields b, Ids ids) {
        String ref = b.string("orderRef");
        BracketOrder order;
        try {
            order = new BracketOrder(ref, b.string("symbol"), Direction.fromWire(b.string("direction")),
                    b.integer("quantity"), b.decimal("entryLimit"), b.decimal("stopLoss"), b.decimal("takeProfit"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bracket " + ref + ": " + e.getMessage(), e);
        }
        check(PriceModel.isListed(order.symbol()), "bracket " + ref + ": symbol " + order.symbol() + " is not traded");
        List<Object> raw = b.array("legs");
        b.end();
        check(raw.size() == OrderLeg.BRACKET.size(), "bracket " + ref + " must have three legs");
        List<LegState> legs = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            JsonFields l = new JsonFields("leg " + i + " of bracket " + ref, raw.get(i));
            LegState leg = decodeLeg(l, ids);
            check(leg.leg() == OrderLeg.BRACKET.get(i), l.where() + " must be " + OrderLeg.BRACKET.get(i).wire());
            legs.add(leg);
        }
        checkLegs(ref, legs.get(0).state(), legs.get(1).state(), legs.get(2).state());
        return new BracketState(order, legs);
    }

    private static LegState decodeLeg(JsonFields l, Ids ids) {
        OrderLeg leg = enumOf(OrderLeg.class, l.string("leg"), l.where());
        String id = l.string("id");
        ids.orderId(id, l.where());
        OrderState state = enumOf(OrderState.class, l.string("state"), l.where());
        Optional<Execution> execution = Optional.empty();
        if (state == OrderState.FILLED) {
            Execution x = new Execution(l.string("executionId"), l.decimal("fillPrice"), Instant.parse(l.string("filledAt")));
            ids.executionId(x.executionId(), l.where());
            check(x.price() > 0, l.where() + ": fill price must be positive");
            execution = Optional.of(x);
        }
        l.end();
        return new LegState(leg, id, state, execution);
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

    private static void check(boolean ok, String what) {
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
