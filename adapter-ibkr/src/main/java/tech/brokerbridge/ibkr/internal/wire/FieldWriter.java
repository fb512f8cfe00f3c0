package tech.brokerbridge.ibkr.internal.wire;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds one frame: a 4-byte big-endian length followed by NUL-terminated text fields. Not
 * thread-safe; one writer per message (or reuse after {@link #reset()}).
 */
public final class FieldWriter {
    private static final byte[] MIN_INT = "-2147483648".getBytes(StandardCharsets.US_ASCII);
    private byte[] buf;
    private int pos;
    private int fields;

    public FieldWriter() {
        this(256);
    }

    public FieldWriter(int capacity) {
        buf = new byte[Math.max(16, capacity)];
        reset();
    }

    /** Starts a new frame, keeping the buffer. */
    public FieldWriter reset() {
        pos = 4;
        fields = 0;
        return this;
    }

    public FieldWriter add(String s) {
        if (s != null && !s.isEmpty()) {
            int n = s.length();
            ensure(n * 3 + 1);
            boolean ascii = true;
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c >= 0x80 || c == 0) {
                    ascii = false;
                    break;
                }
            }
            if (ascii) {
                for (int i = 0; i < n; i++) {
                    buf[pos++] = (byte) s.charAt(i);
                }
            } else {
                byte[] b = s.replace('\0', ' ').getBytes(StandardCharsets.UTF_8);
                System.arraycopy(b, 0, buf, pos, b.length);
                pos += b.length;
            }
        }
        return end();
    }

    public FieldWriter add(int v) {
        return add((long) v);
    }

    public FieldWriter add(long v) {
        ensure(21);
        if (v == Long.MIN_VALUE) {
            return add(Long.toString(v));
        }
        if (v == Integer.MIN_VALUE) {
            System.arraycopy(MIN_INT, 0, buf, pos, MIN_INT.length);
            pos += MIN_INT.length;
            return end();
        }
        if (v < 0) {
            buf[pos++] = '-';
            v = -v;
        }
        writeDigits(v);
        return end();
    }

    /**
     * Java's {@code String.valueOf(double)} text, as IB's own client sends. Prices with at most four
     * decimals between 0.001 and 10^7 take a fast path that yields the same text: such a value is
     * the shortest decimal that reads back as the same double, which is what Java prints.
     */
    public FieldWriter add(double v) {
        if (v >= 1e-3 && v < 1e7 || v == 0.0 && Double.doubleToRawLongBits(v) == 0L || v <= -1e-3 && v > -1e7) {
            long scaled = Math.round(v * 10_000.0);
            if (scaled / 10_000.0 == v) {
                return addFixed4(scaled);
            }
        }
        return add(String.valueOf(v));
    }

    private FieldWriter addFixed4(long scaled) {
        ensure(24);
        if (scaled < 0) {
            buf[pos++] = '-';
            scaled = -scaled;
        }
        long whole = scaled / 10_000;
        int frac = (int) (scaled % 10_000);
        writeDigits(whole);
        buf[pos++] = '.';
        if (frac == 0) {
            buf[pos++] = '0';
        } else {
            int div = 1000;
            while (frac != 0) {
                buf[pos++] = (byte) ('0' + frac / div);
                frac %= div;
                div /= 10;
            }
        }
        return end();
    }

    private void writeDigits(long v) {
        int start = pos;
        do {
            buf[pos++] = (byte) ('0' + (v % 10));
            v /= 10;
        } while (v != 0);
        for (int i = start, j = pos - 1; i < j; i++, j--) {
            byte t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
    }

    public FieldWriter add(boolean v) {
        ensure(2);
        buf[pos++] = (byte) (v ? '1' : '0');
        return end();
    }

    /** An int that may be unset ({@link Integer#MAX_VALUE}): unset is sent as an empty field. */
    public FieldWriter addMax(int v) {
        return v == Integer.MAX_VALUE ? add((String) null) : add(v);
    }

    /** A double that may be unset ({@link Double#MAX_VALUE}): unset is sent as an empty field. */
    public FieldWriter addMax(double v) {
        return v == Double.MAX_VALUE ? add((String) null) : add(v);
    }

    /** A Decimal quantity: plain text, {@code 100} or {@code 0.5}; unset is empty. */
    public FieldWriter addDecimal(double v) {
        if (v == Double.MAX_VALUE || Double.isNaN(v)) {
            return add((String) null);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return add((long) v);
        }
        return add(BigDecimal.valueOf(v).stripTrailingZeros().toPlainString());
    }

    /**
     * Appends {@code count} fields encoded before (each NUL-terminated, as {@link #toPayload()} gives
     * them): a part of a message that never changes is encoded once and copied.
     */
    public FieldWriter addEncoded(byte[] encoded, int count) {
        ensure(encoded.length);
        System.arraycopy(encoded, 0, buf, pos, encoded.length);
        pos += encoded.length;
        fields += count;
        return this;
    }

    /** Appends raw text without a terminating NUL (the handshake's version range). */
    public FieldWriter addRaw(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        ensure(b.length);
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
        return this;
    }

    public int fieldCount() {
        return fields;
    }

    /** Length of the payload written so far (without the 4-byte prefix). */
    public int payloadLength() {
        return pos - 4;
    }

    /** The frame: length prefix and payload, as a new array. */
    public byte[] toFrame() {
        writeLengthPrefix();
        return Arrays.copyOf(buf, pos);
    }

    /** Writes the frame (length prefix and payload) without copying it. */
    public void writeTo(java.io.OutputStream out) throws java.io.IOException {
        writeLengthPrefix();
        out.write(buf, 0, pos);
    }

    /** Fills the 4-byte big-endian length prefix in front of the payload, refusing an oversized one. */
    private void writeLengthPrefix() {
        int len = pos - 4;
        if (len > FrameDecoder.MAX_PAYLOAD) {
            throw new ProtocolException("message too long: " + len + " bytes");
        }
        buf[0] = (byte) (len >>> 24);
        buf[1] = (byte) (len >>> 16);
        buf[2] = (byte) (len >>> 8);
        buf[3] = (byte) len;
    }

    /** Just the payload (fields), as a new array. */
    public byte[] toPayload() {
        return Arrays.copyOfRange(buf, 4, pos);
    }

    private FieldWriter end() {
        ensure(1);
        buf[pos++] = 0;
        fields++;
        return this;
    }

    private void ensure(int extra) {
        if (pos + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + extra));
        }
    }
}
