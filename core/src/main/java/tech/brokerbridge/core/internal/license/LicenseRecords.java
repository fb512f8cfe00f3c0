package tech.brokerbridge.core.internal.license;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.ports.journal.Journal;

/**
 * Keeps Stripe's last answer and the current outage in journal settings, so that a restarted desk
 * serves at once from the last state: {@value #ANSWER} and {@value #OUTAGE}, each a line of
 * {@code name=value} pairs separated by {@code ;} with URL-encoded values, or empty when absent.
 * Neither holds a key nor the subscription id (those live in the vault only).
 */
final class LicenseRecords {
    static final String ANSWER = "license.answer";
    static final String OUTAGE = "license.outage";
    private static final Logger LOG = LoggerFactory.getLogger(LicenseRecords.class);
    private final Journal journal;

    LicenseRecords(Journal journal) {
        this.journal = journal;
    }

    Optional<LicenseEvidence.Answer> answer() {
        return journal.setting(ANSWER).filter(s -> !s.isBlank()).flatMap(s -> {
            Optional<LicenseEvidence.Answer> a = decodeAnswer(s);
            if (a.isEmpty()) {
                LOG.warn("the journal setting {} is damaged; it is ignored until the next check", ANSWER);
            }
            return a;
        });
    }

    Optional<LicenseEvidence.Outage> outage() {
        return journal.setting(OUTAGE).filter(s -> !s.isBlank()).flatMap(LicenseRecords::decodeOutage);
    }

    /** Writes both records; an absent one is written empty. */
    void save(Optional<LicenseEvidence.Answer> answer, Optional<LicenseEvidence.Outage> outage) {
        journal.putSetting(ANSWER, answer.map(LicenseRecords::encode).orElse(""));
        journal.putSetting(OUTAGE, outage.map(LicenseRecords::encode).orElse(""));
    }

    static String encode(LicenseEvidence.Answer a) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("at", a.at().toString());
        if (a instanceof LicenseEvidence.Found f) {
            m.put("kind", "found");
            m.put("status", f.status());
            f.boundTo().ifPresent(b -> m.put("bound", b));
            f.periodEnd().ifPresent(p -> m.put("period_end", p.toString()));
        } else if (a instanceof LicenseEvidence.NotFound) {
            m.put("kind", "not_found");
        } else {
            m.put("kind", "key_refused");
        }
        return join(m);
    }

    static String encode(LicenseEvidence.Outage o) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("since", o.since().toString());
        m.put("last_attempt", o.lastAttempt().toString());
        m.put("reason", o.reason());
        return join(m);
    }

    static Optional<LicenseEvidence.Answer> decodeAnswer(String s) {
        try {
            Map<String, String> m = split(s);
            Instant at = Instant.parse(m.getOrDefault("at", ""));
            String kind = m.getOrDefault("kind", "");
            switch (kind) {
                case "found":
                    if (!m.containsKey("status")) {
                        return Optional.empty();
                    }
                    return Optional.of(new LicenseEvidence.Found(at, m.get("status"),
                            Optional.ofNullable(m.get("bound")),
                            Optional.ofNullable(m.get("period_end")).map(Instant::parse)));
                case "not_found":
                    return Optional.of(new LicenseEvidence.NotFound(at));
                case "key_refused":
                    return Optional.of(new LicenseEvidence.KeyRefused(at));
                default:
                    return Optional.empty();
            }
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static Optional<LicenseEvidence.Outage> decodeOutage(String s) {
        try {
            Map<String, String> m = split(s);
            return Optional.of(new LicenseEvidence.Outage(Instant.parse(m.getOrDefault("since", "")),
                    Instant.parse(m.getOrDefault("last_attempt", "")), m.getOrDefault("reason", "unknown")));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            LOG.warn("the journal setting {} is damaged; it is ignored", OUTAGE);
            return Optional.empty();
        }
    }

    private static String join(Map<String, String> m) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : m.entrySet()) {
            if (b.length() > 0) {
                b.append(';');
            }
            b.append(e.getKey()).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    private static Map<String, String> split(String s) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String pair : s.strip().split(";")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("not a name=value pair");
            }
            m.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return m;
    }
}
