package tech.brokerbridge.ibkr.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tech.brokerbridge.ibkr.internal.msg.Inbound;
import tech.brokerbridge.ibkr.internal.msg.Outbound;
import tech.brokerbridge.ibkr.internal.wire.FieldWriter;

/**
 * The benchmark's second baseline: a bare client on a raw socket, no reader thread, no tracker. It
 * writes a bracket's three placeOrder frames (bytes encoded by the production codec before timing)
 * in one write and reads, on the calling thread, until each leg has its first answer (openOrder,
 * orderStatus or an error with its id), the acknowledgement {@code IbkrBroker.submitBracket} waits
 * for. Frames are parsed only as far as the message id and the order id. Not thread-safe.
 */
final class RawBracketClient implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final int serverVersion;
    /** Bytes read and not consumed yet: buf[start, end). */
    private final byte[] buf = new byte[1 << 16];
    private int start;
    private int end;

    RawBracketClient(int port, int clientId, int serverVersion) throws IOException {
        this.serverVersion = serverVersion;
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
        socket.setSoTimeout(10_000);
        out = socket.getOutputStream();
        in = socket.getInputStream();
        ByteArrayOutputStream hello = new ByteArrayOutputStream();
        hello.write("API\0".getBytes(StandardCharsets.US_ASCII));
        hello.write(new FieldWriter(32).addRaw("v" + serverVersion + ".." + serverVersion).toFrame());
        out.write(hello.toByteArray());
        nextFrame(); // the handshake answer: version and connection time
        out.write(encode(List.of(new Outbound.StartApi(clientId, ""), new Outbound.ReqCurrentTime())));
        // the greeting (accounts, next id, farm notices) comes before the current time: skip it all
        while (id(0) != Inbound.CURRENT_TIME) {
            nextFrame();
        }
    }

    /** Messages as one run of frames, encoded by the production codec. */
    byte[] encode(List<? extends Outbound> messages) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream(1024);
        FieldWriter w = new FieldWriter(1024);
        for (Outbound m : messages) {
            w.reset();
            m.encode(w, serverVersion);
            w.writeTo(all);
        }
        return all.toByteArray();
    }

    /**
     * Writes {@code frames} (the placeOrder messages of ids {@code firstId .. firstId + legs - 1}) and
     * reads until each of them has its first answer. Returns the number of frames read.
     */
    int submit(byte[] frames, int firstId, int legs) throws IOException {
        out.write(frames);
        boolean[] answered = new boolean[legs];
        int left = legs;
        int read = 0;
        while (left > 0) {
            nextFrame();
            read++;
            int msg = id(0);
            // openOrder and orderStatus carry no version field at server version 176; an error does
            int orderId = msg == Inbound.OPEN_ORDER || msg == Inbound.ORDER_STATUS ? id(1)
                    : msg == Inbound.ERR_MSG ? id(2) : -1;
            int leg = orderId - firstId;
            if (leg >= 0 && leg < legs && !answered[leg]) {
                answered[leg] = true;
                left--;
            }
        }
        return read;
    }

    /** Reads and drops {@code frames} frames (the rest of an answer, after the measured part). */
    void skip(int frames) throws IOException {
        for (int i = 0; i < frames; i++) {
            nextFrame();
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    // ---- frames: the current one is buf[payload, payloadEnd) ----
    private int payload;
    private int payloadEnd;

    private void nextFrame() throws IOException {
        fill(4);
        int len = ((buf[start] & 0xff) << 24) | ((buf[start + 1] & 0xff) << 16) | ((buf[start + 2] & 0xff) << 8)
                | (buf[start + 3] & 0xff);
        fill(4 + len);
        payload = start + 4;
        payloadEnd = payload + len;
        start = payloadEnd;
    }

    /** Makes at least {@code n} unread bytes available from {@code start}. */
    private void fill(int n) throws IOException {
        if (n > buf.length) {
            throw new IOException("frame of " + n + " bytes is larger than the buffer");
        }
        if (start + n > buf.length) {
            System.arraycopy(buf, start, buf, 0, end - start);
            end -= start;
            start = 0;
            payload = 0;
            payloadEnd = 0;
        }
        while (end - start < n) {
            int r = in.read(buf, end, buf.length - end);
            if (r < 0) {
                throw new IOException("the gateway closed the connection");
            }
            end += r;
        }
    }

    /** The {@code index}-th field of the current frame as an int (fields are NUL-terminated decimal text). */
    private int id(int index) {
        int p = payload;
        for (int i = 0; i < index; i++) {
            while (buf[p] != 0) {
                p++;
            }
            p++;
        }
        boolean negative = buf[p] == '-';
        if (negative) {
            p++;
        }
        int v = 0;
        while (p < payloadEnd && buf[p] != 0) {
            v = v * 10 + (buf[p++] - '0');
        }
        return negative ? -v : v;
    }
}
