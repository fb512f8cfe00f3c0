import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The attack of issue 14.2 against a running daemon on loopback: connections that send a request's headers
 * and the start of its body, then close (one in ten with a reset), with TLS and HTTP/2 openings among them.
 * Runs for the given seconds (at most 5,000,000 connections), checks /api/health once a second, and prints
 * what it did. Usage: java DropAttack.java PORT SECONDS
 */
public final class DropAttack {
    private static final byte[] PARTIAL = ("POST /api/proposals/prp-0123456789ab/reject HTTP/1.1\r\nHost: localhost\r\n"
            + "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{\"reason\":").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TLS = {0x16, 0x03, 0x01, 0x00, (byte) 0xa5, 0x01, 0x00, 0x00, (byte) 0xa1, 0x03, 0x03};
    private static final byte[] H2 = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEALTH = "GET /api/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        long end = System.nanoTime() + Long.parseLong(args[1]) * 1_000_000_000L;
        long nextHealth = System.nanoTime();
        long sent = 0;
        long refused = 0;
        int healthOk = 0;
        int healthFailed = 0;
        while (System.nanoTime() < end && sent < 5_000_000) {
            int kind = (int) (sent % 40);
            byte[] bytes = kind == 0 ? TLS : kind == 1 ? H2 : PARTIAL;
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
                if (kind % 10 == 9) {
                    s.setSoLinger(true, 0);
                }
                s.getOutputStream().write(bytes);
                s.getOutputStream().flush();
            } catch (IOException e) {
                refused++;
            }
            sent++;
            if (System.nanoTime() >= nextHealth) {
                nextHealth += 1_000_000_000L;
                if (health(port)) {
                    healthOk++;
                } else {
                    healthFailed++;
                }
            }
        }
        System.out.printf("connections=%d refused_or_reset=%d health_ok=%d health_failed=%d%n", sent, refused,
                healthOk, healthFailed);
    }

    private static boolean health(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            s.setSoTimeout(5_000);
            OutputStream out = s.getOutputStream();
            out.write(HEALTH);
            out.flush();
            InputStream in = s.getInputStream();
            byte[] head = in.readNBytes(12);
            return new String(head, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200");
        } catch (IOException e) {
            return false;
        }
    }
}
