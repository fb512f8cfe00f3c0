package tech.brokerbridge.http.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A raw HTTP/1.1 client over a real socket, for what the JDK client refuses to send (a forged
 * {@code Host}, several headers of a name, pipelining) and for reading the exact answer.
 */
public final class RawHttp implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawHttp(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(10_000);
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    public static RawHttp connect(int port) throws IOException {
        return connect("127.0.0.1", port, null);
    }

    /** Connects from a chosen local address (e.g. 127.0.0.2, another loopback client). */
    public static RawHttp connect(String host, int port, String fromAddress) throws IOException {
        Socket s = new Socket();
        if (fromAddress != null) {
            s.bind(new InetSocketAddress(InetAddress.getByName(fromAddress), 0));
        }
        s.connect(new InetSocketAddress(InetAddress.getByName(host), port), 5_000);
        return new RawHttp(s);
    }

    /** One request on a new connection. */
    public static Response exchange(int port, String rawRequest) throws IOException {
        try (RawHttp c = connect(port)) {
            c.send(rawRequest);
            return c.read();
        }
    }

    /** A GET with the given Host header value. */
    public static String get(String path, String host, String... headers) {
        return request("GET", path, host, null, null, headers);
    }

    /** Builds a request; {@code body} may be null. */
    public static String request(String method, String path, String host, String contentType, String body,
            String... headers) {
        StringBuilder sb = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        if (host != null) {
            sb.append("Host: ").append(host).append("\r\n");
        }
        for (String h : headers) {
            sb.append(h).append("\r\n");
        }
        byte[] b = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) {
            sb.append("Content-Type: ").append(contentType).append("\r\n");
        }
        if (body != null || !method.equals("GET")) {
            sb.append("Content-Length: ").append(b.length).append("\r\n");
        }
        sb.append("\r\n");
        return sb + (body == null ? "" : body);
    }

    public void send(String raw) throws IOException {
        out.write(raw.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    public void sendBytes(byte[] raw) throws IOException {
        out.write(raw);
        out.flush();
    }

    /** Reads one answer (status line, headers, Content-Length body). */
    public Response read() throws IOException {
        String status = line();
        if (status == null) {
            throw new IOException("connection closed before an answer");
        }
        String[] parts = status.split(" ", 3);
        int code = Integer.parseInt(parts[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        String l;
        while ((l = line()) != null && !l.isEmpty()) {
            int c = l.indexOf(':');
            headers.computeIfAbsent(l.substring(0, c).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(l.substring(c + 1).trim());
        }
        int len = headers.containsKey("content-length") ? Integer.parseInt(headers.get("content-length").get(0)) : 0;
        byte[] body = in.readNBytes(len);
        return new Response(code, headers, new String(body, StandardCharsets.UTF_8));
    }

    /** True when the server closed the connection (reads end of stream within the socket timeout). */
    public boolean closedByServer() {
        try {
            return in.read() == -1;
        } catch (IOException e) {
            return true;
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                String s = b.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** An answer. Header names are lower case. */
    public record Response(int status, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
            return v == null ? null : v.get(0);
        }
    }
}
