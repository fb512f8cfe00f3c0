package tech.brokerbridge.paper.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The paper account file as JSON, read and written by Jackson: the records below are the file's
 * objects, member for member, in the order they are written. {@link AccountStateCodec} maps them to
 * and from the exchange's {@link AccountState} and checks what JSON cannot say.
 *
 * <p>Reading is strict, as the file is only ever written by this code: RFC 8259 only (no comments,
 * no trailing commas, no leading zeros, no {@code NaN}), no duplicate keys, nothing after the
 * document, at most {@value #MAX_DEPTH} levels deep; every member present (a leg's fill only on a
 * filled leg), none unknown, none {@code null}, each of its own JSON type (no string for a number,
 * no fraction for a whole number, no number for a string). Errors are {@link IllegalArgumentException}s
 * that say where. Writing indents by two spaces with a final newline, as version 1 always has.
 */
final class AccountDocument {
    static final int MAX_DEPTH = 16;

    private static final ObjectMapper MAPPER = mapper();
    private static final DefaultPrettyPrinter PRINTER = printer();
    private static final ObjectWriter WRITER = MAPPER.writer(PRINTER);
    private static final ObjectWriter LINE_WRITER = MAPPER.writer();

    private AccountDocument() {
    }

    /** The whole file; {@code trades} from version 2 on. */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record Account(String format, Long version, String currency, Long seed, String idPrefix, Long nextOrderId,
            Long nextExecutionId, String simulatedTime, Double cash, String day, Double realizedToday,
            Double startOfDayEquity, List<Position> positions, SortedMap<String, Double> priceFactors,
            List<Bracket> brackets, Optional<Trades> trades) {
    }

    /** What looking after the trades changed ({@link TradeStateCodec}). */
    record Trades(SortedMap<String, LegChange> legs, List<LoneOrder> orders, SortedMap<String, Double> commissions) {
    }

    /** Where a bracket leg stands after a modification or a cut; {@code trailing} for a trailing stop. */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record LegChange(Long quantity, Double price, Optional<Trail> trailing) {
    }

    /** A trailing stop's {@code kind} ({@code amount} or {@code percent}) and {@code value}. */
    record Trail(String kind, Double value) {
    }

    /** A closing order or a stand-alone stop; {@code executionId}, {@code fillPrice}, {@code filledAt} once filled. */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record LoneOrder(String ref, String leg, String id, String symbol, String direction, Long quantity, Double price,
            String state, Optional<String> executionId, Optional<Double> fillPrice, Optional<String> filledAt) {
    }

    record Position(String symbol, Long quantity, Double averageCost, Double realized) {
    }

    record Bracket(String orderRef, String symbol, String direction, Long quantity, Double entryLimit,
            Double stopLoss, Double takeProfit, List<Leg> legs) {
    }

    /** {@code executionId}, {@code fillPrice} and {@code filledAt} are there when the leg filled. */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record Leg(String leg, String id, String state, Optional<String> executionId, Optional<Double> fillPrice,
            Optional<String> filledAt) {
    }

    /**
     * The whole account file's text: written member by member ({@link AccountLineWriter}, the code every save's
     * log record runs through, so it is compiled and warm when a compaction comes, where data binding took 15-40 ms
     * of a core in the approve benchmark), laid out as data binding lays it out ({@link #writeBound}).
     */
    static String write(Account account) {
        int brackets = account.brackets() == null ? 0 : account.brackets().size();
        String text = AccountLineWriter.write(MAPPER.getFactory(), account, PRINTER.createInstance(),
                4096 + 640 * brackets) + "\n";
        // with assertions on, as in the tests, the file is checked against data binding's text
        assert text.equals(writeBound(account)) : "the streaming writer and data binding disagree on the account file";
        return text;
    }

    /** {@link #write} by Jackson's data binding: what the streaming writer is held to in the tests. */
    static String writeBound(Account account) {
        try {
            return WRITER.writeValueAsString(account) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the paper account as JSON", e);
        }
    }

    /**
     * The same document on one line, with no final newline: a record of the account's log. Written member by
     * member ({@link AccountLineWriter}); the text is that of {@link #writeLineBound}.
     */
    static String writeLine(Account account) {
        return AccountLineWriter.write(MAPPER.getFactory(), account);
    }

    /** {@link #writeLine} by Jackson's data binding: what the streaming writer is held to in the tests. */
    static String writeLineBound(Account account) {
        try {
            return LINE_WRITER.writeValueAsString(account);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the paper account as JSON", e);
        }
    }

    /** The document as a tree: checked for syntax only, so that its format and version can be read first. */
    static JsonNode tree(String text) {
        try {
            JsonNode tree = MAPPER.readTree(text);
            if (tree == null || tree.isMissingNode()) {
                throw new IllegalArgumentException("JSON syntax error at line 1, column 1: the file is empty");
            }
            return tree;
        } catch (JsonProcessingException e) { // bad syntax, too deep, or text after the document
            JsonLocation at = e.getLocation();
            throw new IllegalArgumentException("JSON syntax error" + (at == null ? "" : " at line " + at.getLineNr()
                    + ", column " + at.getColumnNr()) + ": " + firstLine(e.getOriginalMessage()), e);
        }
    }

    static Account account(JsonNode tree) {
        try {
            return MAPPER.treeToValue(tree, Account.class);
        } catch (DatabindException e) {
            throw new IllegalArgumentException(where(e) + ": " + reason(e), e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the account: " + firstLine(e.getOriginalMessage()), e);
        }
    }

    /** Where in the file, as a path from its top: {@code the account at brackets[1].legs[0].state}. */
    private static String where(DatabindException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : ((JsonMappingException) e).getPath()) {
            if (r.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "the account" : "the account at " + path;
    }

    private static String reason(DatabindException e) {
        String m = firstLine(e.getOriginalMessage());
        if (m.startsWith("Null value for creator property")) {
            return "missing or null";
        }
        if (m.startsWith("Unrecognized field")) {
            return "an unknown field";
        }
        return m;
    }

    private static String firstLine(String m) {
        if (m == null) {
            return "unreadable";
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static ObjectMapper mapper() {
        JsonFactory json = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                .build();
        JsonMapper m = JsonMapper.builder(json)
                .addModule(new Jdk8Module())
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES) // missing counts as null
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS) // no "12" for 12
                .build();
        m.coercionConfigFor(LogicalType.Textual) // no 12 for "12"
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return m;
    }

    /** Two-space indents, {@code "key": value}, {@code []} and {@code {}} when empty: version 1's layout. */
    private static DefaultPrettyPrinter printer() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        return new DefaultPrettyPrinter(separators).withObjectIndenter(indenter).withArrayIndenter(indenter);
    }
}
