package tech.brokerbridge.http.internal.web;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.OptionalDouble;
import java.util.function.DoubleFunction;

/**
 * How the numbers of an answer are written, declared on the answer record's components: never
 * binary-float noise ({@code 4976.400000000001}), never {@code -0.0}, never exponent notation. Each
 * is rounded half-up and written as a plain decimal with at least one digit after the point (so a
 * whole amount still reads as a number with a fraction, as before: {@code 100000.0}).
 *
 * <ul>
 * <li>{@link Money}: to the cent.</li>
 * <li>{@link Price}: to the tick of US stocks: the cent from 1.00 up, 0.0001 below.</li>
 * <li>{@link Score}: scores in [0,1] to two decimals, as theses and reasons quote them.</li>
 * <li>{@link Figure}: the figures a gate compared and evidence values: four decimals (percentages,
 *     ratios and prices below a dollar keep their meaning).</li>
 * </ul>
 */
public final class Rounded {
    private Rounded() {
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
    @JacksonAnnotationsInside
    @JsonSerialize(using = MoneyWriter.class)
    public @interface Money {
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
    @JacksonAnnotationsInside
    @JsonSerialize(using = PriceWriter.class)
    public @interface Price {
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
    @JacksonAnnotationsInside
    @JsonSerialize(using = ScoreWriter.class)
    public @interface Score {
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
    @JacksonAnnotationsInside
    @JsonSerialize(using = FigureWriter.class)
    public @interface Figure {
    }

    /** On a map: each of its values is a {@link Figure}. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
    @JacksonAnnotationsInside
    @JsonSerialize(contentUsing = FigureWriter.class)
    public @interface Figures {
    }

    /** {@code value} to the cent. */
    public static BigDecimal money(double value) {
        return round(value, 2);
    }

    /** {@code value} to the tick: the cent from 1.00 up, 0.0001 below. */
    public static BigDecimal price(double value) {
        return round(value, Math.abs(value) >= 1 ? 2 : 4);
    }

    public static BigDecimal score(double value) {
        return round(value, 2);
    }

    public static BigDecimal figure(double value) {
        return round(value, 4);
    }

    /**
     * Half-up from the shortest decimal that reads back as {@code value} (so 0.285 gives 0.29, as
     * {@code String.format("%.2f")} does), trailing zeros dropped but one kept after the point; no
     * negative zero (BigDecimal has none).
     */
    static BigDecimal round(double value, int decimals) {
        BigDecimal d = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.scale() < 1 ? d.setScale(1) : d;
    }

    /** Writes a double (or an {@link OptionalDouble}; empty is {@code null}) rounded by its rule. */
    private abstract static class Writer extends StdSerializer<Object> {
        private static final long serialVersionUID = 1L;
        private final transient DoubleFunction<BigDecimal> rule;

        Writer(DoubleFunction<BigDecimal> rule) {
            super(Object.class);
            this.rule = rule;
        }

        @Override
        public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (value instanceof OptionalDouble o) {
                if (o.isEmpty()) {
                    gen.writeNull();
                    return;
                }
                value = o.getAsDouble();
            }
            double v = ((Number) value).doubleValue();
            if (!Double.isFinite(v)) {
                gen.writeNumber(v); // as Jackson writes any non-finite double
                return;
            }
            gen.writeNumber(rule.apply(v).toPlainString());
        }
    }

    // Jackson instantiates a serializer named in an annotation by its class: one class per rule
    static final class MoneyWriter extends Writer {
        private static final long serialVersionUID = 1L;

        MoneyWriter() {
            super(Rounded::money);
        }
    }

    static final class PriceWriter extends Writer {
        private static final long serialVersionUID = 1L;

        PriceWriter() {
            super(Rounded::price);
        }
    }

    static final class ScoreWriter extends Writer {
        private static final long serialVersionUID = 1L;

        ScoreWriter() {
            super(Rounded::score);
        }
    }

    static final class FigureWriter extends Writer {
        private static final long serialVersionUID = 1L;

        FigureWriter() {
            super(Rounded::figure);
        }
    }
}
