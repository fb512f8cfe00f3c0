package tech.brokerbridge.http.internal.routes;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;
import tech.brokerbridge.http.internal.web.ApiException;
import tech.brokerbridge.http.internal.web.ApiRequest;
import tech.brokerbridge.ports.journal.ProposalStatus;

/** Query parameter readers: a bad value is 400 naming the parameter. */
final class Params {
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern LIMIT = Pattern.compile("\\d{1,6}");

    private Params() {
    }

    static int limit(ApiRequest r, int dflt, int max) {
        Optional<String> v = r.param("limit");
        if (v.isEmpty()) {
            return dflt;
        }
        String s = v.get();
        if (!LIMIT.matcher(s).matches() || Integer.parseInt(s) < 1 || Integer.parseInt(s) > max) {
            throw ApiException.badField("limit", "'limit' must be a whole number from 1 to " + max);
        }
        return Integer.parseInt(s);
    }

    static Optional<LocalDate> date(ApiRequest r) {
        return date(r, "date");
    }

    /** The query parameter {@code name} as a day (YYYY-MM-DD). */
    static Optional<LocalDate> date(ApiRequest r, String name) {
        Optional<String> v = r.param(name);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        if (!DATE.matcher(v.get()).matches()) {
            throw ApiException.badField(name, "'" + name + "' must be a day as YYYY-MM-DD");
        }
        try {
            return Optional.of(LocalDate.parse(v.get()));
        } catch (DateTimeParseException e) {
            throw ApiException.badField(name, "'" + name + "' must be a day as YYYY-MM-DD");
        }
    }

    static Optional<ProposalStatus> status(ApiRequest r) {
        Optional<String> v = r.param("status");
        if (v.isEmpty()) {
            return Optional.empty();
        }
        for (ProposalStatus s : ProposalStatus.values()) {
            if (s.wire().equals(v.get())) {
                return Optional.of(s);
            }
        }
        throw ApiException.badField("status",
                "'status' must be one of pending, approved, rejected, executing, executed, expired, failed");
    }

    static Optional<String> cursor(ApiRequest r) {
        Optional<String> v = r.param("cursor");
        if (v.isPresent() && (v.get().isEmpty() || v.get().length() > 256)) {
            throw ApiException.badField("cursor", "'cursor' must be the next_cursor of a previous page");
        }
        return v;
    }
}
