package tech.brokerbridge.http.internal.pipeline;

import java.util.concurrent.ThreadLocalRandom;

/** Request ids: {@code req-} and 16 hex digits. Unique enough to find a request in the log; not secret. */
final class RequestIds {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private RequestIds() {
    }

    static String next() {
        long v = ThreadLocalRandom.current().nextLong();
        char[] out = new char[20];
        out[0] = 'r';
        out[1] = 'e';
        out[2] = 'q';
        out[3] = '-';
        for (int i = 19; i >= 4; i--) {
            out[i] = HEX[(int) (v & 0xF)];
            v >>>= 4;
        }
        return new String(out);
    }
}
