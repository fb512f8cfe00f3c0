package tech.brokerbridge.sqlite.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The keyset position after which the next page of proposals starts (newest first): the last
 * proposal's creation time and id. On the wire it is base64url of {@code 1|<created_at_ns>|<id>}.
 */
record ProposalCursor(long createdAtNanos, String proposalId) {
    private static final String VERSION = "1";

    String encode() {
        String raw = VERSION + "|" + createdAtNanos + "|" + proposalId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when {@code cursor} is not one this journal produced */
    static ProposalCursor decode(String cursor) {
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid(cursor, e);
        }
        String[] parts = raw.split("\\|", 3);
        if (parts.length != 3 || !VERSION.equals(parts[0]) || parts[2].isEmpty()) {
            throw invalid(cursor, null);
        }
        try {
            return new ProposalCursor(Long.parseLong(parts[1]), parts[2]);
        } catch (NumberFormatException e) {
            throw invalid(cursor, e);
        }
    }

    private static IllegalArgumentException invalid(String cursor, Exception cause) {
        String shown = cursor.length() > 40 ? cursor.substring(0, 40) + "..." : cursor;
        return new IllegalArgumentException("invalid proposals cursor '" + shown
                + "': pass the nextCursor of a previous page unchanged", cause);
    }
}
