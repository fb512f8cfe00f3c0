package tech.brokerbridge.ibkr.internal.wire;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Turns a byte stream into frames: 4-byte big-endian length, then the payload. Bytes arrive in
 * whatever chunks TCP delivers: a frame may be split across reads and one read may hold many
 * frames. Not thread-safe; one decoder per connection, fed by its reader thread.
 */
public final class FrameDecoder {
    /** IB's clients drop the connection on longer frames. */
    public static final int MAX_PAYLOAD = 0xFFFFFF;

    private byte[] pending = new byte[8192];
    private int start;
    private int end;

    /** Feeds bytes; calls {@code sink} with each complete payload, in order. */
    public void feed(byte[] data, int offset, int length, Consumer<byte[]> sink) {
        append(data, offset, length);
        while (end - start >= 4) {
            int len = ((pending[start] & 0xFF) << 24) | ((pending[start + 1] & 0xFF) << 16)
                    | ((pending[start + 2] & 0xFF) << 8) | (pending[start + 3] & 0xFF);
            if (len < 0 || len > MAX_PAYLOAD) {
                throw new ProtocolException("frame length out of range: " + len);
            }
            if (end - start - 4 < len) {
                break;
            }
            byte[] payload = Arrays.copyOfRange(pending, start + 4, start + 4 + len);
            start += 4 + len;
            sink.accept(payload);
        }
        if (start == end) {
            start = 0;
            end = 0;
        }
    }

    /** Bytes received that do not make a whole frame yet. */
    public int buffered() {
        return end - start;
    }

    private void append(byte[] data, int offset, int length) {
        if (end + length > pending.length) {
            int live = end - start;
            if (live + length <= pending.length && start > 0) {
                System.arraycopy(pending, start, pending, 0, live);
            } else {
                byte[] bigger = new byte[Math.max(pending.length * 2, live + length)];
                System.arraycopy(pending, start, bigger, 0, live);
                pending = bigger;
            }
            start = 0;
            end = live;
        }
        System.arraycopy(data, offset, pending, end, length);
        end += length;
    }
}
