package tech.brokerbridge.http.internal.limit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts what clients are expected to do now and then and what the connection limits refuse: a
 * connection closed mid-request, reset, a TLS or HTTP/2 opening on this plain HTTP/1.1 port, a body that
 * did not arrive in time, a connection over a cap. None of it is logged per event (an attacker could fill
 * the disk that way); the counts are in the diagnostics and in one INFO line per minute when not zero.
 *
 * <p>Thread-safe.
 */
public final class ClientEvents {
    private static final Logger LOG = LoggerFactory.getLogger(ClientEvents.class);

    /** What happened. */
    public enum Kind {
        PREMATURE_CLOSE("premature_closes"),
        RESET("resets"),
        TLS_OPENING("tls_openings"),
        HTTP2_OPENING("http2_openings"),
        BODY_TIMEOUT("body_timeouts"),
        REFUSED_OVER_TOTAL("refused_over_max_connections"),
        REFUSED_OVER_CLIENT("refused_over_max_connections_per_client");

        private final String key;

        Kind(String key) {
            this.key = key;
        }
    }

    private final Map<Kind, LongAdder> total = new LinkedHashMap<>();
    private final Map<Kind, LongAdder> sinceSummary = new LinkedHashMap<>();

    public ClientEvents() {
        for (Kind k : Kind.values()) {
            total.put(k, new LongAdder());
            sinceSummary.put(k, new LongAdder());
        }
    }

    public void count(Kind kind) {
        total.get(kind).increment();
        sinceSummary.get(kind).increment();
    }

    public long total(Kind kind) {
        return total.get(kind).sum();
    }

    /** Logs one INFO line with the counts since the last summary, when any is not zero. */
    public void summarize() {
        StringBuilder sb = new StringBuilder();
        sinceSummary.forEach((k, v) -> {
            long n = v.sumThenReset();
            if (n > 0) {
                sb.append(sb.length() == 0 ? "" : ", ").append(k.key).append('=').append(n);
            }
        });
        if (sb.length() > 0) {
            LOG.info("HTTP clients since the last summary: {}", sb);
        }
    }
}
