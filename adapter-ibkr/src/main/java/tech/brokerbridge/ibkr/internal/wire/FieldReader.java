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
        return readNumber(0.0);
    }

    /** A double where empty means unset ({@link Double#MAX_VALUE}). */
    public double readDoubleMax() {
        return readNumber(Double.MAX_VALUE);
    }

    /** A Decimal quantity. Empty and the unset texts (Long/Integer/Double max) read as {@link Double#MAX_VALUE}. */
    public double readDecimal() {
        double v = readNumber(Double.MAX_VALUE);
        return v == 9.223372036854775807E18 || v == 2147483647.0 ? Double.MAX_VALUE : v;
    }

    /**
     * Plain decimals ({@code 150.25}, {@code -3}, {@code 100}) with at most 15 significant digits are
     * parsed from the bytes: mantissa / 10^k is then exactly what {@link Double#parseDouble} gives
     * (both are exact and one division rounds correctly). Anything else goes to parseDouble.
     */
    private double readNumber(double empty) {
        int stop = fieldEnd();
        if (stop == pos) {
            pos++;
            return empty;
        }
        int i = pos;
        boolean neg = buf[i] == '-';
        if (neg) {
            i++;
        }
        long m = 0;
        int digits = 0;
        int scale = -1;
        boolean simple = i < stop;
        for (; i < stop; i++) {
            byte b = buf[i];
            if (b >= '0' && b <= '9') {
                m = m * 10 + (b - '0');
                if (m != 0 || scale >= 0) {
                    digits++;
                }
                if (scale >= 0) {
                    scale++;
                }
            } else if (b == '.' && scale < 0) {
                scale = 0;
            } else {
                simple = false;
                break;
            }
        }
        if (simple && digits <= 15 && scale != 0 && scale <= 22) {
            int k = Math.max(scale, 0);
            pos = stop + 1;
            double v = k == 0 ? (double) m : m / POW10[k];
            return neg ? -v : v;
        }
        if (java.util.Arrays.equals(buf, pos, stop, MAX_DOUBLE_TEXT, 0, MAX_DOUBLE_TEXT.length)) {
            // TWS's unset double, in every order-state slot of an openOrder: Double.parseDouble takes its
            // big-number path for it (FDBigInteger), some microseconds each
            pos = stop + 1;
            return Double.MAX_VALUE;
        }
        String s = new String(buf, pos, stop - pos, StandardCharsets.ISO_8859_1);
        pos = stop + 1;
        return parseDouble(s);
    }

    private static final byte[] MAX_DOUBLE_TEXT = Double.toString(Double.MAX_VALUE).getBytes(StandardCharsets.US_ASCII);

    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
        1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

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
