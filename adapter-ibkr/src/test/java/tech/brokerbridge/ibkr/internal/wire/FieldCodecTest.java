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
