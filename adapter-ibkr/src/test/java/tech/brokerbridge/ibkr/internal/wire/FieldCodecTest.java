package tech.brokerbridge.ibkr.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FieldCodecTest {
    @Test
    void numbersAndTextRoundTrip() {
        FieldWriter w = new FieldWriter(16).add(0).add(-42).add(Integer.MIN_VALUE).add(Long.MAX_VALUE)
                .add(150.25).add(true).add(false).add("h\u00e9").add((String) null).addDecimal(100).addDecimal(0.5)
                .addMax(Integer.MAX_VALUE).addMax(Double.MAX_VALUE);
        FieldReader r = new FieldReader(w.toPayload());
        assertEquals(0, r.readInt());
        assertEquals(-42, r.readInt());
        assertEquals(Integer.MIN_VALUE, r.readInt());
        assertEquals(Long.MAX_VALUE, r.readLong());
        assertEquals(150.25, r.readDouble());
        assertTrue(r.readBool());
        assertFalse(r.readBool());
        assertEquals("h\u00e9", r.readString());
        assertEquals("", r.readString());
        assertEquals("100", r.readString());
        assertEquals("0.5", r.readString());
        assertEquals(Integer.MAX_VALUE, r.readIntMax());
        assertEquals(Double.MAX_VALUE, r.readDoubleMax());
        assertFalse(r.hasMore());
    }

    @Test
    void theDoubleFastPathsMatchJavasTextAndParser() {
        java.util.Random rnd = new java.util.Random(7);
        for (int i = 0; i < 200_000; i++) {
            double v = switch (i % 4) {
                case 0 -> Math.round(rnd.nextDouble() * 1e8) / 100.0; // prices in cents
                case 1 -> Math.round(rnd.nextDouble() * 1e6) / 10_000.0; // sub-dollar ticks
                case 2 -> (rnd.nextDouble() - 0.5) * Math.pow(10, rnd.nextInt(30) - 10);
                default -> rnd.nextInt(1_000_000);
            };
            FieldWriter w = new FieldWriter().add(v);
            FieldReader r = new FieldReader(w.toPayload());
            String text = new FieldReader(w.toPayload()).readString();
            assertEquals(String.valueOf(v), text);
            assertEquals(Double.parseDouble(text), r.readDouble(), text);
        }
        for (String t : new String[] {"0.1", "150.25", "-3", "0.000001", "123456789012345", "1.7976931348623157E308",
            "-1.7976931348623157E308", "1.7976931348623157E307", "1.7976931348623157E3080", "1.7976931348623158E308",
            "Infinity", "1e3", "00012.50", "-0.0"}) {
            assertEquals(Double.parseDouble(t), new FieldReader(new FieldWriter().add(t).toPayload()).readDouble(), t);
        }
    }

    @Test
    void emptyIntReadsAsZero() {
        FieldReader r = new FieldReader(new FieldWriter().add("").toPayload());
        assertEquals(0, r.readInt());
    }

    @Test
    void readingPastTheEndIsAProtocolError() {
        FieldReader r = new FieldReader(new FieldWriter().add(1).toPayload());
        r.readInt();
        assertThrows(ProtocolException.class, r::readString);
    }

    @Test
    void frameCarriesBigEndianLength() {
        byte[] f = new FieldWriter().add("ab").toFrame();
        assertEquals(3, ((f[0] & 0xFF) << 24) | ((f[1] & 0xFF) << 16) | ((f[2] & 0xFF) << 8) | (f[3] & 0xFF));
        assertEquals(7, f.length);
    }
}
