package tech.brokerbridge.ibkr.internal.conn;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.ibkr.internal.msg.Inbound;
import tech.brokerbridge.ibkr.internal.msg.InboundDecoder;
import tech.brokerbridge.ibkr.internal.msg.Outbound;
import tech.brokerbridge.ibkr.internal.wire.FieldReader;
import tech.brokerbridge.ibkr.internal.wire.FieldWriter;
import tech.brokerbridge.ibkr.internal.wire.FrameDecoder;
import tech.brokerbridge.ibkr.internal.wire.ProtocolException;
import tech.brokerbridge.ibkr.internal.wire.ServerVersions;

/**
 * One TCP connection to IB Gateway / TWS: the {@code API\0} handshake, startApi, a reader thread
 * that decodes frames and hands messages to the listener, and a paced, serialized writer.
 *
 * <p>Thread-safety: {@link #send} may be called from any thread. The listener is called on the
 * reader thread only; {@link Listener#onClosed} exactly once.
 */
public final class GatewayConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayConnection.class);
    private static final byte[] API_PREFIX = "API\0".getBytes(StandardCharsets.US_ASCII);

    /** Receives what the gateway sends. */
    public interface Listener {
        void onMessage(Inbound message);

        /** Before the messages of one socket read are handed over (reader thread). */
        default void batchStarted() {
        }

        /** After the messages of one socket read were handed over, or their decoding failed (reader thread). */
        default void batchEnded() {
        }

        void onClosed(Throwable cause);
    }

    private final Socket socket;
    private final OutputStream out;
    private final Pacer pacer;
    private final int serverVersion;
    private final String connectionTime;
    private final FieldWriter writer = new FieldWriter(1024);
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Object writeLock = new Object();

    private GatewayConnection(Socket socket, Pacer pacer, int serverVersion, String connectionTime) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.pacer = pacer;
        this.serverVersion = serverVersion;
        this.connectionTime = connectionTime;
    }

    /**
     * Connects, performs the handshake and sends startApi; then starts the reader thread.
     *
     * @throws IOException when the socket cannot be opened or the handshake does not finish within
     *     {@code timeout} (one deadline for both)
     * @throws ProtocolException when the gateway answers with a version outside our range
     */
    public static GatewayConnection open(String host, int port, int clientId, Duration timeout, Pacer pacer,
            Listener listener) throws IOException {
        Socket s = new Socket();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(host, port), (int) Math.max(1, timeout.toMillis()));
            OutputStream o = s.getOutputStream();
            FieldWriter hello = new FieldWriter(32).addRaw(
                    "v" + ServerVersions.OFFER_MIN + ".." + ServerVersions.OFFER_MAX);
            byte[] frame = hello.toFrame();
            byte[] first = new byte[API_PREFIX.length + frame.length];
            System.arraycopy(API_PREFIX, 0, first, 0, API_PREFIX.length);
            System.arraycopy(frame, 0, first, API_PREFIX.length, frame.length);
            o.write(first);
            o.flush();

            FrameDecoder decoder = new FrameDecoder();
            Deque<byte[]> payloads = new ArrayDeque<>();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[8192];
            while (payloads.isEmpty()) {
                int n;
                // connect and handshake share one deadline
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    throw new IOException("no handshake answer within " + timeout.toMillis() + " ms");
                }
                s.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
                try {
                    n = in.read(buf);
                } catch (SocketTimeoutException e) {
                    throw new IOException("no handshake answer within " + timeout.toMillis() + " ms", e);
                }
                if (n < 0) {
                    throw new IOException("gateway closed the connection during the handshake");
                }
                decoder.feed(buf, 0, n, payloads::add);
            }
            FieldReader r = new FieldReader(payloads.poll());
            int version = r.readInt();
            String time = r.hasMore() ? r.readString() : "";
            if (!ServerVersions.supported(version)) {
                throw new ProtocolException("gateway chose server version " + version + ", outside v"
                        + ServerVersions.OFFER_MIN + "..v" + ServerVersions.OFFER_MAX);
            }
            s.setSoTimeout(0);
            GatewayConnection c = new GatewayConnection(s, pacer, version, time);
            c.send(new Outbound.StartApi(clientId, ""));
            c.startReader(in, decoder, payloads, listener);
            return c;
        } catch (IOException | RuntimeException e) {
            closeQuietly(s);
            throw e;
        }
    }

    public int serverVersion() {
        return serverVersion;
    }

    public String connectionTime() {
        return connectionTime;
    }

    public boolean isOpen() {
        return !closed.get();
    }

    /**
     * Sends one message, waiting for the pacer first.
     *
     * @throws UncheckedIOException when the socket fails (the reader then reports the close)
     * @throws IllegalStateException when the connection is already closed
     */
    public void send(Outbound message) {
        pacedWrite(1, () -> {
            writer.reset();
            message.encode(writer, serverVersion);
            writer.writeTo(out);
        });
    }

    /**
     * Sends several messages in one socket write (each still paced): a bracket's three legs reach
     * the gateway together, one syscall instead of three. They are encoded before pacing, outside
     * the write lock: the lock is held for the write alone.
     */
    public void sendAll(java.util.List<? extends Outbound> messages) {
        FieldWriter w = new FieldWriter(1024);
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream(512 * messages.size());
        try {
            for (Outbound m : messages) {
                w.reset();
                m.encode(w, serverVersion);
                w.writeTo(all);
            }
        } catch (IOException e) { // a ByteArrayOutputStream does not fail
            throw new UncheckedIOException(e);
        }
        byte[] frames = all.toByteArray();
        pacedWrite(messages.size(), () -> out.write(frames));
    }

    /** Writes to the socket under the write lock, then flushes. */
    private interface SocketWrite {
        void run() throws IOException;
    }

    /**
     * Takes one pacing slot per message, then runs {@code write} under the write lock and flushes.
     * A socket failure closes the socket (the reader then reports the close).
     */
    private void pacedWrite(int messages, SocketWrite write) {
        if (closed.get()) {
            throw new IllegalStateException("connection closed");
        }
        try {
            for (int i = 0; i < messages; i++) {
                pacer.acquire();
            }
            synchronized (writeLock) {
                write.run();
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pacing", e);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new UncheckedIOException("send failed", e);
        }
    }

    @Override
    public void close() {
        closed.set(true);
        closeQuietly(socket);
    }

    private void startReader(InputStream in, FrameDecoder decoder, Deque<byte[]> early, Listener listener) {
        InboundDecoder messages = new InboundDecoder(serverVersion);
        Thread t = new Thread(() -> readLoop(in, decoder, early, messages, listener), "ibkr-reader");
        t.setDaemon(true);
        t.start();
    }

    private void readLoop(InputStream in, FrameDecoder decoder, Deque<byte[]> early, InboundDecoder messages,
            Listener listener) {
        Throwable cause = null;
        try {
            while (!early.isEmpty()) {
                dispatch(early.poll(), messages, listener);
            }
            byte[] buf = new byte[65536];
            while (true) {
                int n = in.read(buf);
                if (n < 0) {
                    cause = new IOException("gateway closed the connection");
                    break;
                }
                listener.batchStarted();
                try {
                    decoder.feed(buf, 0, n, p -> dispatch(p, messages, listener));
                } finally {
                    listener.batchEnded();
                }
            }
        } catch (IOException | ProtocolException e) {
            cause = e;
        } catch (RuntimeException e) { // top-level handler of the reader thread: report and close
            LOG.warn("reader stopped on an unexpected error", e);
            cause = e;
        } finally {
            closed.set(true);
            closeQuietly(socket);
            listener.onClosed(cause);
        }
    }

    private static void dispatch(byte[] payload, InboundDecoder messages, Listener listener) {
        Inbound m;
        try {
            m = messages.decode(payload);
        } catch (ProtocolException e) {
            // frames delimit messages, so one bad message can be skipped without losing alignment
            LOG.warn("skipping undecodable message: {}", e.getMessage());
            return;
        }
        try {
            listener.onMessage(m);
        } catch (RuntimeException e) { // a handler bug must not drop the connection
            LOG.warn("handler failed on {}", m.getClass().getSimpleName(), e);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            LOG.debug("close failed", e);
        }
    }
}
