package tech.brokerbridge.ports.journal;

import java.time.LocalDate;
import java.util.Optional;
import tech.brokerbridge.ports.Require;

/**
 * A page request over proposals, newest first.
 *
 * @param date the UTC calendar day of {@code createdAt}
 * @param limit 1 to 500
 * @param cursor the opaque {@code nextCursor} of the previous page
 */
public record ProposalQuery(Optional<ProposalStatus> status, Optional<LocalDate> date, int limit,
        Optional<String> cursor) {
    public static final int MAX_LIMIT = 500;

    public ProposalQuery {
        Require.nonNull("status", status, "date", date, "cursor", cursor);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }

    public static ProposalQuery all(int limit) {
        return new ProposalQuery(Optional.empty(), Optional.empty(), limit, Optional.empty());
    }
}
