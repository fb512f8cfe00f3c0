package tech.brokerbridge.sqlite.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.ports.journal.KillSwitchState;
import tech.brokerbridge.ports.journal.LicenseRecord;

/**
 * The Java step of schema version 2: converts the text rows of version 1's key-value table
 * {@code settings} into the typed tables, then drops {@code settings}. What an existing data
 * directory held stays in force:
 *
 * <ul>
 * <li>{@code kill_switch.engaged} {@code true}: the switch stays engaged with its
 *     {@code kill_switch.reason} and {@code kill_switch.since}; version 1 did not record who engaged
 *     it, so a reason starting "daily loss limit reached" (the only reason the desk itself gave) counts
 *     as the daily loss limit, any other as the user. A released switch needs no row.</li>
 * <li>{@code license.first_start}, {@code license.answer}, {@code license.outage}: the license row.
 *     A damaged or missing first start becomes the epoch, as version 1 read a damaged one (it must
 *     not restart the evaluation); a damaged answer or outage is dropped with a warning, as version 1
 *     ignored it until the next check.</li>
 * </ul>
 *
 * <p>Version 1 wrote each record as {@code name=value} pairs separated by {@code ;}, values
 * URL-encoded, and an absent record as an empty string.
 */
final class LegacySettings {
    static final String ENGAGED = "kill_switch.engaged";
    static final String REASON = "kill_switch.reason";
    static final String SINCE = "kill_switch.since";
    static final String FIRST_START = "license.first_start";
    static final String ANSWER = "license.answer";
    static final String OUTAGE = "license.outage";
    private static final String DAILY_LOSS_REASON = "daily loss limit reached";
    private static final Logger LOG = LoggerFactory.getLogger(LegacySettings.class);

    private LegacySettings() {
    }

    static void convert(Connection c) throws SQLException {
        Map<String, String> old = read(c);
        Optional<KillSwitchState> killSwitch = killSwitch(old);
        if (killSwitch.isPresent()) {
            KillSwitchStore.put(c, killSwitch.get());
        }
        Optional<LicenseRecord> license = license(old);
        if (license.isPresent()) {
            LicenseStore.put(c, license.get());
        }
        TreeSet<String> unknown = new TreeSet<>(old.keySet());
        unknown.removeAll(List.of(ENGAGED, REASON, SINCE, FIRST_START, ANSWER, OUTAGE));
        if (!unknown.isEmpty()) {
            LOG.warn("journal schema: settings no version of BrokerBridge used were dropped: {}", unknown);
        }
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE settings");
        }
    }

    private static Map<String, String> read(Connection c) throws SQLException {
        Map<String, String> m = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT key, value FROM settings ORDER BY key");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                m.put(rs.getString(1), rs.getString(2));
            }
        }
        return m;
    }

    static Optional<KillSwitchState> killSwitch(Map<String, String> old) {
        if (!Boolean.parseBoolean(old.getOrDefault(ENGAGED, "false").strip())) {
            return Optional.empty();
        }
        String reason = old.getOrDefault(REASON, "").strip();
        KillSwitchState.EngagedBy by = reason.startsWith(DAILY_LOSS_REASON) ? KillSwitchState.EngagedBy.DAILY_LOSS_LIMIT
                : KillSwitchState.EngagedBy.USER;
        return Optional.of(new KillSwitchState.Engaged(instantOrEpoch(old.get(SINCE)), by,
                reason.isEmpty() ? "engaged (no reason was recorded)" : reason));
    }

    static Optional<LicenseRecord> license(Map<String, String> old) {
        if (!old.containsKey(FIRST_START) && !old.containsKey(ANSWER) && !old.containsKey(OUTAGE)) {
            return Optional.empty();
        }
        Optional<LicenseRecord.Answer> answer = nonBlank(old.get(ANSWER)).flatMap(s -> {
            Optional<LicenseRecord.Answer> a = decodeAnswer(s);
            if (a.isEmpty()) {
                LOG.warn("journal schema: the damaged setting {} is dropped; the next license check replaces it",
                        ANSWER);
            }
            return a;
        });
        Optional<LicenseRecord.Outage> outage = nonBlank(old.get(OUTAGE)).flatMap(s -> {
            Optional<LicenseRecord.Outage> o = decodeOutage(s);
            if (o.isEmpty()) {
                LOG.warn("journal schema: the damaged setting {} is dropped", OUTAGE);
            }
            return o;
        });
        return Optional.of(new LicenseRecord(instantOrEpoch(old.get(FIRST_START)), answer, outage));
    }

    private static Optional<String> nonBlank(String s) {
        return Optional.ofNullable(s).filter(v -> !v.isBlank());
    }

    private static Instant instantOrEpoch(String s) {
        try {
            return s == null ? Instant.EPOCH : Instant.parse(s.strip());
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }

    static Optional<LicenseRecord.Answer> decodeAnswer(String s) {
        try {
            Map<String, String> m = split(s);
            Instant at = Instant.parse(m.getOrDefault("at", ""));
            switch (m.getOrDefault("kind", "")) {
                case "found":
                    if (!m.containsKey("status")) {
                        return Optional.empty();
                    }
                    return Optional.of(new LicenseRecord.Found(at, m.get("status"), Optional.ofNullable(m.get("bound")),
                            Optional.ofNullable(m.get("period_end")).map(Instant::parse)));
                case "not_found":
                    return Optional.of(new LicenseRecord.NotFound(at));
                case "key_refused":
                    return Optional.of(new LicenseRecord.KeyRefused(at));
                default:
                    return Optional.empty();
            }
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static Optional<LicenseRecord.Outage> decodeOutage(String s) {
        try {
            Map<String, String> m = split(s);
            return Optional.of(new LicenseRecord.Outage(Instant.parse(m.getOrDefault("since", "")),
                    Instant.parse(m.getOrDefault("last_attempt", "")), m.getOrDefault("reason", "unknown")));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
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
