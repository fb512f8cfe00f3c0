package tech.brokerbridge.ibkr.internal.wire;

import java.nio.charset.StandardCharsets;

/**
 * Reads the NUL-terminated text fields of one payload. Empty int/double fields read as 0, or as the
 * "unset" maximum with the {@code *Max} variants, as IB's own decoder does. Not thread-safe.
 */
public final class FieldReader {
    private final byte[] buf;
    private final int end;
    private int pos;

    public FieldReader(byte[] payload) {
        this(payload, 0, payload.length);
    }

    public FieldReader(byte[] payload, int offset, int length) {
        this.buf = payload;
        this.pos = offset;
        this.end = offset + length;
    }

    public boolean hasMore() {
        return pos < end;
    }

    /** Number of fields not read yet. */
    public int remainingFields() {
        int n = 0;
        for (int i = pos; i < end; i++) {
            if (buf[i] == 0) {
                n++;
            }
        }
        return n;
    }

    /** The next field as text; an empty field reads as "" (never null). */
    public String readString() {
        int stop = fieldEnd();
        String s = stop == pos ? "" : ascii(pos, stop) ? asciiString(pos, stop)
                : new String(buf, pos, stop - pos, StandardCharsets.UTF_8);
        pos = stop + 1;
        return s;
    }

    public int readInt() {
        long v = readLong();
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new ProtocolException("int out of range: " + v);
        }
        return (int) v;
    }

    /** An int where empty means unset ({@link Integer#MAX_VALUE}). */
    public int readIntMax() {
        if (peekEmpty()) {
            pos++;
            return Integer.MAX_VALUE;
        }
        return readInt();
    }

    public long readLong() {
        int stop = fieldEnd();
        int i = pos;
        long v = 0;
        boolean neg = false;
        if (i < stop && (buf[i] == '-' || buf[i] == '+')) {
            neg = buf[i] == '-';
            i++;
        }
        if (i == stop && stop != pos) {
            throw new ProtocolException("not an integer: " + asciiString(pos, stop));
        }
        for (; i < stop; i++) {
            int d = buf[i] - '0';
            if (d < 0 || d > 9) {
                throw new ProtocolException("not an integer: " + new String(buf, pos, stop - pos, StandardCharsets.UTF_8));
            }
            v = v * 10 + d;
        }
        pos = stop + 1;
        return neg ? -v : v;
    }

    public double readDouble() {
        String s = readString();
        return s.isEmpty() ? 0.0 : parseDouble(s);
    }

    /** A double where empty means unset ({@link Double#MAX_VALUE}). */
    public double readDoubleMax() {
        String s = readString();
        return s.isEmpty() ? Double.MAX_VALUE : parseDouble(s);
    }

    /** A Decimal quantity. Empty and the unset texts (Long/Integer/Double max) read as {@link Double#MAX_VALUE}. */
    public double readDecimal() {
        String s = readString();
        if (s.isEmpty() || s.equals("9223372036854775807") || s.equals("2147483647")
                || s.equals("1.7976931348623157E308")) {
            return Double.MAX_VALUE;
        }
        return parseDouble(s);
    }

    /** Booleans are {@code 1}/{@code 0}; empty reads as false. */
    public boolean readBool() {
        String s = readString();
        if (s.isEmpty()) {
            return false;
        }
        if (s.equals("true")) {
            return true;
        }
        if (s.equals("false")) {
            return false;
        }
        try {
            return Integer.parseInt(s) != 0;
        } catch (NumberFormatException e) {
            throw new ProtocolException("not a boolean: " + s, e);
        }
    }

    /** Skips n fields. */
    public void skip(int n) {
        for (int i = 0; i < n; i++) {
            pos = fieldEnd() + 1;
        }
    }

    private boolean peekEmpty() {
        if (pos >= end) {
            throw new ProtocolException("message ended early");
        }
        return buf[pos] == 0;
    }

    private int fieldEnd() {
        if (pos >= end) {
            throw new ProtocolException("message ended early");
        }
        for (int i = pos; i < end; i++) {
            if (buf[i] == 0) {
                return i;
            }
        }
        throw new ProtocolException("field not terminated");
    }

    private boolean ascii(int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private String asciiString(int from, int to) {
        return new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
    }

    private static double parseDouble(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new ProtocolException("not a number: " + s, e);
        }
    }
}
