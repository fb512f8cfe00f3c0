package tech.brokerbridge.paper.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;
import java.util.Optional;

/**
 * Writes an {@link AccountDocument.Account} on one line (or laid out, for the whole account file), member by
 * member on a streaming generator: the
 * same text as Jackson's data binding writes for it (the tests hold it to that), without looking up its
 * serializers and calling each record accessor reflectively, which was a tenth of an approval's samples
 * (every save of the paper account appends one such record). Members are written in the records' order;
 * those of the {@code NON_ABSENT} records are left out when null or an empty {@link Optional}, as
 * data binding leaves them out.
 */
final class AccountLineWriter {
    private final JsonGenerator g;

    private AccountLineWriter(JsonGenerator g) {
        this.g = g;
    }

    static String write(JsonFactory json, AccountDocument.Account a) {
        return write(json, a, null, 2048);
    }

    /**
     * As {@link #write(JsonFactory, AccountDocument.Account)}, laid out by {@code printer} (none: one line), in a
     * buffer of {@code size} characters to start with.
     */
    static String write(JsonFactory json, AccountDocument.Account a, PrettyPrinter printer, int size) {
        StringWriter out = new StringWriter(size);
        try (JsonGenerator g = json.createGenerator(out)) {
            if (printer != null) {
                g.setPrettyPrinter(printer);
            }
            new AccountLineWriter(g).account(a);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the paper account as JSON", e);
        }
        return out.toString();
    }

    private void account(AccountDocument.Account a) throws IOException {
        g.writeStartObject();
        string("format", a.format(), true);
        number("version", a.version(), true);
        string("currency", a.currency(), true);
        number("seed", a.seed(), true);
        string("idPrefix", a.idPrefix(), true);
        number("nextOrderId", a.nextOrderId(), true);
        number("nextExecutionId", a.nextExecutionId(), true);
        string("simulatedTime", a.simulatedTime(), true);
        number("cash", a.cash(), true);
        string("day", a.day(), true);
        number("realizedToday", a.realizedToday(), true);
        number("startOfDayEquity", a.startOfDayEquity(), true);
        if (a.positions() != null) {
            g.writeArrayFieldStart("positions");
            for (AccountDocument.Position p : a.positions()) {
                position(p);
            }
            g.writeEndArray();
        }
        if (a.priceFactors() != null) {
            g.writeFieldName("priceFactors");
            numbers(a.priceFactors());
        }
        if (a.brackets() != null) {
            g.writeArrayFieldStart("brackets");
            for (AccountDocument.Bracket b : a.brackets()) {
                bracket(b);
            }
            g.writeEndArray();
        }
        if (a.trades() != null && a.trades().isPresent()) {
            g.writeFieldName("trades");
            trades(a.trades().get());
        }
        g.writeEndObject();
    }

    private void position(AccountDocument.Position p) throws IOException {
        if (p == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        string("symbol", p.symbol(), false);
        number("quantity", p.quantity(), false);
        number("averageCost", p.averageCost(), false);
        number("realized", p.realized(), false);
        g.writeEndObject();
    }

    private void bracket(AccountDocument.Bracket b) throws IOException {
        if (b == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        string("orderRef", b.orderRef(), false);
        string("symbol", b.symbol(), false);
        string("direction", b.direction(), false);
        number("quantity", b.quantity(), false);
        number("entryLimit", b.entryLimit(), false);
        number("stopLoss", b.stopLoss(), false);
        number("takeProfit", b.takeProfit(), false);
        g.writeFieldName("legs");
        if (b.legs() == null) {
            g.writeNull();
        } else {
            g.writeStartArray();
            for (AccountDocument.Leg leg : b.legs()) {
                leg(leg);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private void leg(AccountDocument.Leg l) throws IOException {
        if (l == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        string("leg", l.leg(), true);
        string("id", l.id(), true);
        string("state", l.state(), true);
        optionalString("executionId", l.executionId());
        optionalNumber("fillPrice", l.fillPrice());
        optionalString("filledAt", l.filledAt());
        g.writeEndObject();
    }

    private void trades(AccountDocument.Trades t) throws IOException {
        g.writeStartObject();
        g.writeFieldName("legs");
        if (t.legs() == null) {
            g.writeNull();
        } else {
            g.writeStartObject();
            for (Map.Entry<String, AccountDocument.LegChange> e : t.legs().entrySet()) {
                g.writeFieldName(e.getKey());
                legChange(e.getValue());
            }
            g.writeEndObject();
        }
        g.writeFieldName("orders");
        if (t.orders() == null) {
            g.writeNull();
        } else {
            g.writeStartArray();
            for (AccountDocument.LoneOrder o : t.orders()) {
                loneOrder(o);
            }
            g.writeEndArray();
        }
        g.writeFieldName("commissions");
        numbers(t.commissions());
        g.writeEndObject();
    }

    private void legChange(AccountDocument.LegChange c) throws IOException {
        if (c == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        number("quantity", c.quantity(), true);
        number("price", c.price(), true);
        if (c.trailing() != null && c.trailing().isPresent()) {
            AccountDocument.Trail tr = c.trailing().get();
            g.writeObjectFieldStart("trailing");
            string("kind", tr.kind(), false);
            number("value", tr.value(), false);
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private void loneOrder(AccountDocument.LoneOrder o) throws IOException {
        if (o == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        string("ref", o.ref(), true);
        string("leg", o.leg(), true);
        string("id", o.id(), true);
        string("symbol", o.symbol(), true);
        string("direction", o.direction(), true);
        number("quantity", o.quantity(), true);
        number("price", o.price(), true);
        string("state", o.state(), true);
        optionalString("executionId", o.executionId());
        optionalNumber("fillPrice", o.fillPrice());
        optionalString("filledAt", o.filledAt());
        g.writeEndObject();
    }

    /** A map of numbers, in its own order (the documents' maps are sorted). */
    private void numbers(Map<String, Double> m) throws IOException {
        if (m == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        for (Map.Entry<String, Double> e : m.entrySet()) {
            g.writeFieldName(e.getKey());
            if (e.getValue() == null) {
                g.writeNull();
            } else {
                g.writeNumber(e.getValue().doubleValue());
            }
        }
        g.writeEndObject();
    }

    private void string(String name, String value, boolean omitNull) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        } else if (!omitNull) {
            g.writeNullField(name);
        }
    }

    private void number(String name, Long value, boolean omitNull) throws IOException {
        if (value != null) {
            g.writeNumberField(name, value.longValue());
        } else if (!omitNull) {
            g.writeNullField(name);
        }
    }

    private void number(String name, Double value, boolean omitNull) throws IOException {
        if (value != null) {
            g.writeNumberField(name, value.doubleValue());
        } else if (!omitNull) {
            g.writeNullField(name);
        }
    }

    private void optionalString(String name, Optional<String> value) throws IOException {
        if (value != null && value.isPresent()) {
            g.writeStringField(name, value.get());
        }
    }

    private void optionalNumber(String name, Optional<Double> value) throws IOException {
        if (value != null && value.isPresent()) {
            g.writeNumberField(name, value.get().doubleValue());
        }
    }
}
